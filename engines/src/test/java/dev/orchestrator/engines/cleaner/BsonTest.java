package dev.orchestrator.engines.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/** cleaner.py work's last fallback, BSON(body).decode(), and the poison when nothing fits. */
class BsonTest {

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    /** {"connector": "bson", "state": 2, "ack": true, "tags": ["a"]} as bsonspec.org lays it out. */
    private static byte[] document() throws Exception {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        elements.write(0x02);
        elements.write("connector\0".getBytes(StandardCharsets.UTF_8));
        elements.write(int32(5));
        elements.write("bson\0".getBytes(StandardCharsets.UTF_8));
        elements.write(0x10);
        elements.write("state\0".getBytes(StandardCharsets.UTF_8));
        elements.write(int32(2));
        elements.write(0x08);
        elements.write("ack\0".getBytes(StandardCharsets.UTF_8));
        elements.write(1);
        elements.write(0x04);
        elements.write("tags\0".getBytes(StandardCharsets.UTF_8));
        byte[] array = {0x0e, 0, 0, 0, 0x02, '0', 0, 0x02, 0, 0, 0, 'a', 0, 0};
        elements.write(array);
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write(int32(elements.size() + 5));
        doc.write(elements.toByteArray());
        doc.write(0);
        return doc.toByteArray();
    }

    @Test
    void aBsonBodyIsDecoded() throws Exception {
        assertEquals("{\"connector\":\"bson\",\"state\":2,\"ack\":true,\"tags\":[\"a\"]}",
                Cleaner.decode(document(), "rk", LogManager.getLogger(BsonTest.class)).toString());
    }

    @Test
    void whatNoFormatFitsIsPoisonNamedAsTheOriginalNamedIt() {
        assertEquals("Impossible to parse event 'a.b.c'", assertThrows(IllegalArgumentException.class,
                () -> Cleaner.decode("not json".getBytes(StandardCharsets.UTF_8), "a.b.c", LogManager.getLogger(BsonTest.class)))
                .getMessage());
    }
}
