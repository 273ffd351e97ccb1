package dev.orchestrator.xmlrpc;

import dev.orchestrator.xmlrpc.RpcFault.Faults;
import java.util.List;

/** A call's parameters, read by position with their expected type: a wrong one is INCORRECT_PARAMETERS. */
public final class Args {

    private final String method;
    private final List<Object> values;

    Args(String method, List<Object> values) {
        this.method = method;
        this.values = values;
    }

    public int size() { return values.size(); }

    public String string(int i) throws RpcFault { return typed(i, String.class, "string"); }

    public int integer(int i) throws RpcFault { return typed(i, Integer.class, "int"); }

    public List<?> array(int i) throws RpcFault { return typed(i, List.class, "array"); }

    /** The boolean at {@code i}, or {@code dflt} when the call has no such parameter. */
    public boolean bool(int i, boolean dflt) throws RpcFault {
        return i < values.size() ? typed(i, Boolean.class, "boolean") : dflt;
    }

    /** A string, or an int written as its decimal (supervisord's signal names and numbers). */
    public String stringOrInt(int i) throws RpcFault {
        Object v = values.get(i);
        if (v instanceof Integer n) return n.toString();
        return string(i);
    }

    private <T> T typed(int i, Class<T> type, String name) throws RpcFault {
        Object v = values.get(i);
        if (!type.isInstance(v)) {
            throw new RpcFault(Faults.INCORRECT_PARAMETERS, method + ": parameter " + (i + 1) + " must be "
                    + (name.startsWith("a") || name.startsWith("i") ? "an " : "a ") + name + ", not " + typeName(v));
        }
        return type.cast(v);
    }

    static String typeName(Object v) {
        if (v instanceof String) return "a string";
        if (v instanceof Integer) return "an int";
        if (v instanceof Boolean) return "a boolean";
        if (v instanceof Double) return "a double";
        if (v instanceof List) return "an array";
        if (v instanceof java.util.Map) return "a struct";
        if (v instanceof byte[]) return "base64";
        return "a dateTime";
    }
}
