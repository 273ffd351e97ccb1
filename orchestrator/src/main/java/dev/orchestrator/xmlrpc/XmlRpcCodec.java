package dev.orchestrator.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML-RPC (the specification at xmlrpc.com, as Python's {@code xmlrpc.client} writes and reads it) with the JDK's
 * parser: a strict decoder of {@code <methodCall>} and an encoder of {@code <methodResponse>}. Document type
 * declarations are refused outright, so no entity is ever defined or expanded (no XXE, no billion laughs); unknown
 * elements, stray text, a bad {@code <int>} or {@code <boolean>} are errors naming what was found. Values: int/i4,
 * boolean, string (also untyped text), double, dateTime.iso8601, base64, array, struct; not the nil extension,
 * which supervisord does not accept either.
 */
public final class XmlRpcCodec {

    private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    private static final DocumentBuilderFactory FACTORY = factory();

    private XmlRpcCodec() { }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** Decodes a {@code <methodCall>} document. */
    public static MethodCall decodeCall(byte[] body) throws MalformedCallException {
        Element root = parse(body).getDocumentElement();
        if (!root.getTagName().equals("methodCall")) {
            throw new MalformedCallException("expected <methodCall>, found <" + root.getTagName() + ">");
        }
        String name = null;
        List<Object> params = List.of();
        for (Element e : children(root)) {
            switch (e.getTagName()) {
                case "methodName" -> name = text(e).strip();
                case "params" -> params = params(e);
                default -> throw unexpected(e, root);
            }
        }
        if (name == null || name.isEmpty()) throw new MalformedCallException("no <methodName> in the call");
        return new MethodCall(name, params);
    }

    private static List<Object> params(Element params) throws MalformedCallException {
        List<Object> values = new ArrayList<>();
        for (Element param : children(params)) {
            if (!param.getTagName().equals("param")) throw unexpected(param, params);
            values.add(value(single(param, "value")));
        }
        return values;
    }

    private static Object value(Element value) throws MalformedCallException {
        if (!hasElement(value)) return text(value);
        List<Element> typed = children(value);
        if (typed.size() > 1) throw new MalformedCallException("<value> holds more than one value");
        Element t = typed.get(0);
        String tag = t.getTagName();
        return switch (tag) {
            case "int", "i4" -> integer(text(t));
            case "boolean" -> switch (text(t).strip()) {
                case "0" -> Boolean.FALSE;
                case "1" -> Boolean.TRUE;
                default -> throw new MalformedCallException("bad <boolean>: '" + clip(text(t)) + "' (expected 0 or 1)");
            };
            case "string" -> text(t);
            case "double" -> number(text(t));
            case "dateTime.iso8601" -> dateTime(text(t));
            case "base64" -> base64(text(t));
            case "array" -> array(t);
            case "struct" -> struct(t);
            default -> throw new MalformedCallException("unknown value type <" + tag + ">");
        };
    }

    private static List<Object> array(Element array) throws MalformedCallException {
        Element data = single(array, "data");
        List<Object> values = new ArrayList<>();
        for (Element v : children(data)) {
            if (!v.getTagName().equals("value")) throw unexpected(v, data);
            values.add(value(v));
        }
        return values;
    }

    private static Map<String, Object> struct(Element struct) throws MalformedCallException {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Element member : children(struct)) {
            if (!member.getTagName().equals("member")) throw unexpected(member, struct);
            String name = null;
            Object value = null;
            for (Element e : children(member)) {
                switch (e.getTagName()) {
                    case "name" -> name = text(e);
                    case "value" -> value = value(e);
                    default -> throw unexpected(e, member);
                }
            }
            if (name == null || value == null) throw new MalformedCallException("<member> without <name> or <value>");
            members.put(name, value);
        }
        return members;
    }

    private static Integer integer(String text) throws MalformedCallException {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedCallException("bad <int>: '" + clip(text) + "' (expected a 32-bit integer)");
        }
    }

    private static Double number(String text) throws MalformedCallException {
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedCallException("bad <double>: '" + clip(text) + "'");
        }
    }

    private static LocalDateTime dateTime(String text) throws MalformedCallException {
        try {
            return LocalDateTime.parse(text.strip(), ISO8601);
        } catch (DateTimeParseException e) {
            throw new MalformedCallException("bad <dateTime.iso8601>: '" + clip(text)
                    + "' (expected 20260101T12:00:00)");
        }
    }

    private static byte[] base64(String text) throws MalformedCallException {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedCallException("bad <base64>: " + e.getMessage());
        }
    }

    private static Document parse(byte[] body) throws MalformedCallException {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXParseException e) {
            throw new MalformedCallException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new MalformedCallException("not XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Errors become exceptions instead of lines on standard error. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) { }

        @Override
        public void error(SAXParseException e) throws SAXException { throw e; }

        @Override
        public void fatalError(SAXParseException e) throws SAXException { throw e; }
    };

    /** The element children; text around them must be blank. */
    private static List<Element> children(Element parent) throws MalformedCallException {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> elements.add((Element) n);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!n.getNodeValue().isBlank()) {
                        throw new MalformedCallException("text '" + clip(n.getNodeValue()) + "' inside <"
                                + parent.getTagName() + ">");
                    }
                }
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> { }
                default -> throw new MalformedCallException("unexpected node in <" + parent.getTagName() + ">");
            }
        }
        return elements;
    }

    private static boolean hasElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) return true;
        }
        return false;
    }

    /** The element's text; it must hold no element. */
    private static String text(Element e) throws MalformedCallException {
        if (hasElement(e)) throw new MalformedCallException("<" + e.getTagName() + "> holds elements, expected text");
        return e.getTextContent();
    }

    private static Element single(Element parent, String tag) throws MalformedCallException {
        List<Element> c = children(parent);
        if (c.size() != 1 || !c.get(0).getTagName().equals(tag)) {
            throw new MalformedCallException("<" + parent.getTagName() + "> must hold one <" + tag + ">");
        }
        return c.get(0);
    }

    private static MalformedCallException unexpected(Element e, Element parent) {
        return new MalformedCallException("unexpected <" + e.getTagName() + "> in <" + parent.getTagName() + ">");
    }

    private static String clip(String s) {
        String t = s.strip();
        return (t.length() > 40 ? t.substring(0, 40) + "..." : t).replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A {@code <methodResponse>} with one value, as Python's {@code xmlrpc.client.dumps(..., methodresponse=True)}. */
    public static byte[] encodeResponse(Object value) {
        StringBuilder b = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        encode(value, b);
        return b.append("</param>\n</params>\n</methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code <methodResponse>} holding a fault. */
    public static byte[] encodeFault(int code, String text) {
        StringBuilder b = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n");
        encode(fault(code, text), b);
        return b.append("</fault>\n</methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The struct of a fault, also an item of {@code system.multicall}'s result. */
    public static Map<String, Object> fault(int code, String text) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", text);
        return fault;
    }

    private static void encode(Object v, StringBuilder b) {
        if (v instanceof String s) {
            b.append("<value><string>").append(escape(s)).append("</string></value>\n");
        } else if (v instanceof Boolean x) {
            b.append("<value><boolean>").append(x ? 1 : 0).append("</boolean></value>\n");
        } else if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            // supervisord's capped_int: XML-RPC's int is 32 bits
            b.append("<value><int>").append(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)))
                    .append("</int></value>\n");
        } else if (v instanceof Double || v instanceof Float) {
            b.append("<value><double>").append(((Number) v).doubleValue()).append("</double></value>\n");
        } else if (v instanceof LocalDateTime t) {
            b.append("<value><dateTime.iso8601>").append(ISO8601.format(t)).append("</dateTime.iso8601></value>\n");
        } else if (v instanceof byte[] bytes) {
            b.append("<value><base64>\n").append(Base64.getEncoder().encodeToString(bytes))
                    .append("\n</base64></value>\n");
        } else if (v instanceof List<?> list) {
            b.append("<value><array><data>\n");
            list.forEach(item -> encode(item, b));
            b.append("</data></array></value>\n");
        } else if (v instanceof Map<?, ?> map) {
            b.append("<value><struct>\n");
            map.forEach((k, item) -> {
                b.append("<member>\n<name>").append(escape(String.valueOf(k))).append("</name>\n");
                encode(item, b);
                b.append("</member>\n");
            });
            b.append("</struct></value>\n");
        } else {
            throw new IllegalArgumentException("no XML-RPC type for " + (v == null ? "null" : v.getClass().getName()));
        }
    }

    /**
     * {@code &}, {@code <} and {@code >} escaped; characters XML 1.0 cannot carry at all (controls other than tab,
     * newline and carriage return, lone surrogates) become U+FFFD, so that a log holding them still reaches the
     * client instead of a document its parser refuses.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
