package dev.orchestrator.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A request's query parameters, read strictly: unknown names, repeats and values out of range are 400. */
final class Query {

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    static Query of(String query) throws ApiError {
        Map<String, String> values = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (values.put(name, value) != null) throw ApiError.badRequest("parameter '" + name + "' given twice");
            }
        }
        return new Query(values);
    }

    /** Refuses any parameter not in {@code allowed} (a request for a file by path, for one). */
    void only(Set<String> allowed) throws ApiError {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) throw ApiError.badRequest("unknown parameter '" + name + "'");
        }
    }

    boolean has(String name) { return values.containsKey(name); }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int number(String name, int otherwise, int min, int max) throws ApiError {
        String v = values.get(name);
        if (v == null) return otherwise;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiError.badRequest("parameter '" + name + "' must be a number from " + min + " to " + max + ": '" + v + "'");
    }

    private static String decode(String s) throws ApiError {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad percent-encoding in the query: " + s);
        }
    }
}
