package dev.orchestrator.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codec against the XML-RPC specification and Python's {@code xmlrpc.client} (what supervisorctl sends and
 * reads): the expected documents below are {@code xmlrpc.client.dumps} output, byte for byte.
 */
class XmlRpcCodecTest {

    private static MethodCall decode(String xml) throws MalformedCallException {
        return XmlRpcCodec.decodeCall(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String malformed(String xml) {
        return assertThrows(MalformedCallException.class, () -> decode(xml)).getMessage();
    }

    @Test
    void decodesWhatPythonSends() throws Exception {
        // xmlrpc.client.dumps(('s', 3, False, [1]), 'supervisor.startProcess')
        MethodCall call = decode("<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.startProcess"
                + "</methodName>\n<params>\n<param>\n<value><string>s</string></value>\n</param>\n<param>\n"
                + "<value><int>3</int></value>\n</param>\n<param>\n<value><boolean>0</boolean></value>\n</param>\n<param>\n<value>"
                + "<array><data>\n<value><int>1</int></value>\n</data></array></value>\n</param>\n</params>\n"
                + "</methodCall>\n");
        assertEquals(new MethodCall("supervisor.startProcess", List.of("s", 3, false, List.of(1))), call);
    }

    @Test
    void everyValueType() throws Exception {
        MethodCall call = decode("<methodCall><methodName>x.y</methodName><params>"
                + "<param><value>untyped</value></param>"
                + "<param><value><i4> -7 </i4></value></param>"
                + "<param><value><boolean>1</boolean></value></param>"
                + "<param><value><double>2.5</double></value></param>"
                + "<param><value><dateTime.iso8601>20260101T12:30:00</dateTime.iso8601></value></param>"
                + "<param><value><base64>aGk=</base64></value></param>"
                + "<param><value><struct><member><name>k</name><value><string></string></value></member></struct>"
                + "</value></param>"
                + "<param><value><string>&lt;&amp;&#233;</string></value></param>"
                + "<param><value></value></param>"
                + "</params></methodCall>");
        List<Object> p = call.params();
        assertEquals("untyped", p.get(0));
        assertEquals(-7, p.get(1));
        assertEquals(true, p.get(2));
        assertEquals(2.5, p.get(3));
        assertEquals(LocalDateTime.of(2026, 1, 1, 12, 30), p.get(4));
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), (byte[]) p.get(5));
        assertEquals(Map.of("k", ""), p.get(6));
        assertEquals("<&\u00e9", p.get(7));
        assertEquals("", p.get(8));
        assertEquals(List.of(), decode("<methodCall><methodName>x.y</methodName></methodCall>").params());
    }

    @Test
    void malformedCallsSayWhatIsWrong() {
        assertTrue(malformed("not xml").startsWith("not well-formed XML at line 1, column 1: "));
        assertTrue(malformed("<methodCall><methodName>x.y</methodName>").startsWith("not well-formed XML"));
        assertEquals("expected <methodCall>, found <methodResponse>", malformed("<methodResponse/>"));
        assertEquals("no <methodName> in the call", malformed("<methodCall><params/></methodCall>"));
        assertEquals("no <methodName> in the call", malformed("<methodCall><methodName> </methodName></methodCall>"));
        assertEquals("unknown value type <nil>", malformed(call("<nil/>")));
        assertEquals("bad <int>: '12x' (expected a 32-bit integer)", malformed(call("<int>12x</int>")));
        assertEquals("bad <int>: '4294967296' (expected a 32-bit integer)", malformed(call("<int>4294967296</int>")));
        assertEquals("bad <boolean>: 'true' (expected 0 or 1)", malformed(call("<boolean>true</boolean>")));
        assertEquals("bad <double>: 'x'", malformed(call("<double>x</double>")));
        assertEquals("bad <dateTime.iso8601>: '2026-01-01' (expected 20260101T12:00:00)",
                malformed(call("<dateTime.iso8601>2026-01-01</dateTime.iso8601>")));
        assertTrue(malformed(call("<base64>!!!</base64>")).startsWith("bad <base64>: "));
        assertEquals("<array> must hold one <data>", malformed(call("<array></array>")));
        assertEquals("<member> without <name> or <value>",
                malformed(call("<struct><member><name>a</name></member></struct>")));
        assertEquals("<value> holds more than one value", malformed(call("<int>1</int><int>2</int>")));
        assertEquals("text 'junk' inside <params>",
                malformed("<methodCall><methodName>x.y</methodName><params>junk</params></methodCall>"));
        assertEquals("unexpected <value> in <params>",
                malformed("<methodCall><methodName>x.y</methodName><params><value/></params></methodCall>"));
        assertEquals("<int> holds elements, expected text", malformed(call("<int><b/></int>")));
    }

    private static String call(String value) {
        return "<methodCall><methodName>x.y</methodName><params><param><value>" + value
                + "</value></param></params></methodCall>";
    }

    @Test
    void noDocumentTypeSoNoExternalEntityAndNoEntityExpansion() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<methodCall><methodName>&x;</methodName></methodCall>";
        String laughs = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a 'lol'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
                + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
                + "<methodCall><methodName>&d;</methodName></methodCall>";
        for (String attack : List.of(xxe, laughs)) {
            String m = malformed(attack);
            assertTrue(m.startsWith("not well-formed XML at line 1, column ") && m.contains("DOCTYPE"), m);
        }
    }

    @Test
    void encodesAsPythonDoes() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("a", 1);
        struct.put("b", List.of(true, "x<&>"));
        struct.put("c", 1.5);
        // xmlrpc.client.dumps(({'a': 1, 'b': [True, 'x<&>'], 'c': 1.5},), methodresponse=True)
        assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n<member>\n<name>a"
                + "</name>\n<value><int>1</int></value>\n</member>\n<member>\n<name>b</name>\n<value><array><data>\n"
                + "<value><boolean>1</boolean></value>\n<value><string>x&lt;&amp;&gt;</string></value>\n</data></array>"
                + "</value>\n</member>\n<member>\n<name>c</name>\n<value><double>1.5</double></value>\n</member>\n"
                + "</struct></value>\n</param>\n</params>\n</methodResponse>\n",
                new String(XmlRpcCodec.encodeResponse(struct), StandardCharsets.UTF_8));
        // xmlrpc.client.dumps(xmlrpc.client.Fault(10, 'BAD_NAME: foo'))
        assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode"
                + "</name>\n<value><int>10</int></value>\n</member>\n<member>\n<name>faultString</name>\n"
                + "<value><string>BAD_NAME: foo</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n",
                new String(XmlRpcCodec.encodeFault(10, "BAD_NAME: foo"), StandardCharsets.UTF_8));
    }

    @Test
    void integersAreCappedAndUnencodableCharactersReplaced() throws Exception {
        String xml = new String(XmlRpcCodec.encodeResponse(List.of(1L << 40, "a\u0000b\u001b[0m\ud800")),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<int>2147483647</int>"), xml);
        assertTrue(xml.contains("<string>a\ufffdb\ufffd[0m\ufffd</string>"), xml);
    }
}
