package dev.orchestrator.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A section of the merged INI document. Sections of the same name in several files merge, later keys winning,
 * as with supervisord's non-strict parser; each entry remembers its own file and line.
 */
final class IniSection {

    private final String name;
    private final Source source;
    private final Map<String, IniEntry> entries = new LinkedHashMap<>();

    IniSection(String name, Source source) {
        this.name = name;
        this.source = source;
    }

    String name() { return name; }

    /** Where the section header was first read. */
    Source source() { return source; }

    Optional<IniEntry> entry(String key) { return Optional.ofNullable(entries.get(key)); }

    Collection<IniEntry> entries() { return entries.values(); }

    /** Where {@code key} is (or, when absent, the section header with that key named). */
    Source sourceOf(String key) {
        IniEntry e = entries.get(key);
        return e != null ? e.source() : new Source(source.file(), source.line(), name, key);
    }

    /** Puts an entry, returning the one it replaces, if any. */
    Optional<IniEntry> put(IniEntry entry) {
        return Optional.ofNullable(entries.put(entry.key(), entry));
    }
}
