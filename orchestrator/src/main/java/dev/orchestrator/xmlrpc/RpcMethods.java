package dev.orchestrator.xmlrpc;

import dev.orchestrator.xmlrpc.RpcFault.Faults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The methods an XML-RPC endpoint serves, by {@code namespace.method} name, with the {@code system} namespace
 * built in: {@code listMethods}, {@code methodHelp}, {@code methodSignature} and {@code multicall}, as supervisord's
 * {@code supervisor/xmlrpc.py} {@code SystemNamespaceRPCInterface}. Dispatch follows its {@code traverse}: a name
 * that is not exactly two dotted parts, or is unknown, is UNKNOWN_METHOD; a wrong number of parameters is
 * INCORRECT_PARAMETERS.
 */
public final class RpcMethods {

    /** A method's code: its parameters' count is already checked. */
    @FunctionalInterface
    public interface Body {
        Object call(Args args) throws RpcFault;
    }

    /**
     * @param signature the return type then each parameter's type, in XML-RPC's names (string, int, boolean, array,
     *                  struct)
     * @param optional  how many trailing parameters may be left out
     */
    private record Method(String help, List<String> signature, int optional, Body body) {
        int most() { return signature.size() - 1; }
    }

    private final Map<String, Method> methods = new TreeMap<>();

    public RpcMethods() {
        add("system.listMethods", "Return an array listing the available method names", List.of("array"), 0,
                a -> List.copyOf(methods.keySet()));
        add("system.methodHelp", "Return a string showing the method's documentation", List.of("string", "string"),
                0, a -> method(a.string(0), Faults.SIGNATURE_UNSUPPORTED).help());
        add("system.methodSignature", "Return an array describing the method signature in the form [rtype, ptype,"
                + " ptype...] where rtype is the return data type of the method, and ptypes are the parameter data"
                + " types that the method accepts in method argument order", List.of("array", "string"), 0,
                a -> method(a.string(0), Faults.SIGNATURE_UNSUPPORTED).signature());
        add("system.multicall", "Process an array of calls, and return an array of results. Calls should be structs"
                + " of the form {'methodName': string, 'params': array}. Each result will either be a single-item"
                + " array containing the result value, or a struct of the form {'faultCode': int, 'faultString':"
                + " string}", List.of("array", "array"), 0, a -> multicall(a.array(0)));
    }

    /** Registers {@code name}; its help is what {@code system.methodHelp} returns. */
    public RpcMethods add(String name, String help, List<String> signature, int optional, Body body) {
        if (methods.putIfAbsent(name, new Method(help, List.copyOf(signature), optional, body)) != null) {
            throw new IllegalArgumentException("method " + name + " is already registered");
        }
        return this;
    }

    /** Registers {@code alias} as another name of {@code name} (supervisord's b/c aliases). */
    public RpcMethods alias(String alias, String name) {
        methods.put(alias, methods.get(name));
        return this;
    }

    /** Calls {@code name}; a fault is the method's, or UNKNOWN_METHOD, or INCORRECT_PARAMETERS. */
    public Object call(String name, List<Object> params) throws RpcFault {
        Method m = method(name, Faults.UNKNOWN_METHOD);
        if (params.size() > m.most() || params.size() < m.most() - m.optional()) {
            throw new RpcFault(Faults.INCORRECT_PARAMETERS, name + " takes " + (m.optional() == 0 ? ""
                    : (m.most() - m.optional()) + " to ") + m.most() + " parameters, not " + params.size());
        }
        return m.body().call(new Args(name, params));
    }

    private Method method(String name, Faults unknown) throws RpcFault {
        String[] parts = name.split("\\.", -1);
        Method m = parts.length == 2 && !parts[1].startsWith("_") ? methods.get(name) : null;
        if (m == null) throw new RpcFault(unknown, null);
        return m;
    }

    /**
     * supervisord's {@code multicall}: each call in turn, each result a one-item array or a fault struct; a call
     * that waits (a start or stop) is waited for before the next, as its deferred callbacks are.
     */
    private List<Object> multicall(List<?> calls) {
        List<Object> results = new ArrayList<>();
        for (Object c : calls) {
            try {
                if (!(c instanceof Map<?, ?> call)) {
                    throw new RpcFault(Faults.INCORRECT_PARAMETERS, "a call is a struct, not " + Args.typeName(c));
                }
                Object name = call.get("methodName");
                Object params = call.containsKey("params") ? call.get("params") : List.of();
                if (!(name instanceof String method)) throw new RpcFault(Faults.INCORRECT_PARAMETERS, "No methodName");
                if (method.equals("system.multicall")) {
                    throw new RpcFault(Faults.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden");
                }
                if (!(params instanceof List<?> list)) {
                    throw new RpcFault(Faults.INCORRECT_PARAMETERS, "params is an array, not " + Args.typeName(params));
                }
                results.add(List.of(call(method, new ArrayList<>(list))));
            } catch (RpcFault f) {
                results.add(XmlRpcCodec.fault(f.code(), f.getMessage()));
            } catch (RuntimeException e) {
                results.add(XmlRpcCodec.fault(Faults.FAILED.code, "FAILED: " + e));
            }
        }
        return results;
    }
}
