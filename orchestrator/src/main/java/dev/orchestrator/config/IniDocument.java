package dev.orchestrator.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every section read from a set of INI files, in first-seen order, and the files that were read. */
final class IniDocument {

    private final Map<String, IniSection> sections = new LinkedHashMap<>();
    private final Set<Path> files = new HashSet<>();

    Optional<IniSection> section(String name) { return Optional.ofNullable(sections.get(name)); }

    Collection<IniSection> sections() { return sections.values(); }

    IniSection sectionFor(String name, Source header) {
        IniSection section = sections.get(name);
        if (section == null) sections.put(name, section = new IniSection(name, header));
        return section;
    }

    /** Records that {@code file} was read; false if it already had been. */
    boolean markRead(Path file) {
        return files.add(file.toAbsolutePath().normalize());
    }
}
