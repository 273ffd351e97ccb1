package dev.orchestrator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST request refused: the HTTP status and a supervisord-style fault name with a one-line message, answered
 * as {@code {"error": {"fault": ..., "message": ...}}}, with each process's outcome in {@code results} when the
 * request named several.
 */
final class ApiError extends Exception {

    private final int status;
    private final String fault;
    private List<?> results;

    ApiError(int status, String fault, String message) {
        super(message);
        this.status = status;
        this.fault = fault;
    }

    int status() { return status; }

    /** The per-process outcomes to answer beside the error. */
    ApiError with(List<?> outcomes) {
        this.results = outcomes;
        return this;
    }

    /** The answer's JSON body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Map.of("fault", fault, "message", String.valueOf(getMessage())));
        if (results != null) body.put("results", results);
        return body;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "INCORRECT_PARAMETERS", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "BAD_NAME", message);
    }
}
