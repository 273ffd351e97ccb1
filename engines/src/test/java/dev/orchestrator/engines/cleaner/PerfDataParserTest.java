package dev.orchestrator.engines.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of Canopsis' monitoring/test/parser.py, and the other shapes its regular expression accepts. */
class PerfDataParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(List<ObjectNode> entries) {
        return JSON.valueToTree(entries).toString();
    }

    @Test
    void canopsisVector() {
        String perfData = "/=2643MB;5948;5958;0;5968,/boot=68MB;88;93;0;98,/home=69357MB;253404;253409;0;253414,"
                + "/var/log=818MB;970;975;0;980";
        assertEquals("[{\"metric\":\"/\",\"value\":2643.0,\"unit\":\"MB\",\"warn\":5948.0,\"crit\":5958.0,\"min\":0.0,\"max\":5968.0},"
                + "{\"metric\":\"/boot\",\"value\":68.0,\"unit\":\"MB\",\"warn\":88.0,\"crit\":93.0,\"min\":0.0,\"max\":98.0},"
                + "{\"metric\":\"/home\",\"value\":69357.0,\"unit\":\"MB\",\"warn\":253404.0,\"crit\":253409.0,\"min\":0.0,\"max\":253414.0},"
                + "{\"metric\":\"/var/log\",\"value\":818.0,\"unit\":\"MB\",\"warn\":970.0,\"crit\":975.0,\"min\":0.0,\"max\":980.0}]",
                json(PerfDataParser.parse(perfData)));
    }

    @Test
    void nagiosSpaceSeparatedWithQuotedLabelsPercentsAndRanges() {
        assertEquals("[{\"metric\":\"time\",\"value\":0.012,\"unit\":\"s\"},"
                + "{\"metric\":\"size\",\"value\":1234.0,\"unit\":\"B\",\"min\":0.0},"
                + "{\"metric\":\"disk usage\",\"value\":81.5,\"unit\":\"%\",\"warn\":80.0,\"crit\":90.0},"
                + "{\"metric\":\"rta\",\"value\":-1.5,\"warn\":10.0,\"crit\":20.0}]",
                json(PerfDataParser.parse("time=0.012s size=1234B;;;0 'disk usage'=81,5%;80;90 rta=-1.5;@10:;20")));
    }

    @Test
    void unitInBracketsWhenNoneFollowsTheValue() {
        assertEquals("[{\"metric\":\"load\",\"value\":3.0,\"unit\":\"proc\"},{\"metric\":\"mem\",\"value\":4.0,\"unit\":\"MB\"}]",
                json(PerfDataParser.parse("load[proc]=3 mem[MB=4")));
    }

    @Test
    void entriesWithoutValueAreSkippedAndGarbageGivesNothing() {
        assertEquals("[{\"metric\":\"b\",\"value\":2.0}]", json(PerfDataParser.parse("a= b=2")));
        assertEquals("[]", json(PerfDataParser.parse("no perfdata here")));
    }

    @Test
    void numbersPythonCannotReadAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PerfDataParser.parse("a=1.2.3"));
        assertEquals("could not convert string to float: '1.2.3'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerfDataParser.parse("=5"));
    }
}
