package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document's sections sorted by kind: programs, groups and engines to read, supervisord's sections that have
 * no meaning here (a note each), and unknown ones (a warning each).
 */
record Sections(Map<String, IniSection> programs, List<IniSection> groups, Map<String, IniSection> engines) {

    /** Read by the daemon, or (supervisorctl's own section) skipped by supervisord too. */
    private static final Set<String> DAEMON = Set.of(SupervisordReader.SECTION, SupervisordReader.SERVER_SECTION,
            HttpServerReader.INET_SECTION, "include", SupervisordReader.CLIENT_SECTION);
    private static final List<String> IGNORED_PREFIXES = List.of("rpcinterface:", "ctlplugin:");
    private static final List<String> UNSUPPORTED_PREFIXES = List.of("eventlistener:", "fcgi-program:");

    static Sections of(IniDocument doc, Problems problems) {
        Map<String, IniSection> programs = new LinkedHashMap<>();
        List<IniSection> groups = new ArrayList<>();
        Map<String, IniSection> engines = new LinkedHashMap<>();
        for (IniSection section : doc.sections()) {
            String name = section.name();
            if (name.startsWith(ProgramReader.PREFIX)) {
                String raw = name.substring(ProgramReader.PREFIX.length());
                try {
                    programs.put(SupervisorTypes.name(raw), section);
                } catch (InvalidValueException e) {
                    problems.error(section.source(), e.getMessage());
                }
            } else if (name.startsWith(GroupAssembler.PREFIX)) {
                groups.add(section);
            } else if (name.startsWith(EngineReader.PREFIX)) {
                String engine = name.substring(EngineReader.PREFIX.length()).strip();
                if (engine.isEmpty()) problems.error(section.source(), "an engine section needs a name"
                        + " (expected [engine:NAME])");
                else engines.put(engine, section);
            } else if (IGNORED_PREFIXES.stream().anyMatch(name::startsWith)) {
                problems.note(section.source(), "section ignored: supervisord's XML-RPC interface is built in"
                        + " (docs/control.md)");
            } else if (UNSUPPORTED_PREFIXES.stream().anyMatch(name::startsWith)) {
                problems.warning(section.source(), "section ignored: orchestrator runs engine-launcher programs"
                        + " only (expected [program:x])");
            } else if (!DAEMON.contains(name)) {
                problems.warning(section.source(), "unknown section, ignored (expected supervisord's sections,"
                        + " [program:x], [group:x] or [engine:x])");
            }
        }
        return new Sections(programs, groups, engines);
    }
}
