package dev.orchestrator.xmlrpc;

import java.util.List;

/**
 * A decoded {@code <methodCall>}: the method's name and its parameters as Java values (Integer, Boolean, String,
 * Double, LocalDateTime, byte[], List, Map with String keys).
 */
public record MethodCall(String methodName, List<Object> params) {}
