package dev.orchestrator.config;

/**
 * What {@code command=engine-launcher -e TYPE -n NAME -w N -l LEVEL} selects: it is read, never executed.
 * {@code engineType} is a registered type name ({@code dynamic}, {@code cleaner}...) or a class name.
 */
public record LaunchSpec(String engineType, String engineName, int worker, String logLevel) {}
