package dev.orchestrator.config;

/** One {@code key=value} of an INI section as read (comments stripped, continuation lines joined). */
record IniEntry(String key, String value, Source source) {}
