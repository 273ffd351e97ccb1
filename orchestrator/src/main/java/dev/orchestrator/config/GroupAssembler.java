package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the process groups as supervisord's {@code process_groups_from_parser}: each {@code [group:x]} with its
 * {@code programs=} in order, then a homogeneous group for every program no group lists, all sorted by
 * (priority, name).
 */
final class GroupAssembler {

    static final String PREFIX = "group:";

    private final ProgramReader programs;
    private final Map<String, Object> names;
    private final Problems problems;

    GroupAssembler(ProgramReader programs, Map<String, Object> names, Problems problems) {
        this.programs = programs;
        this.names = names;
        this.problems = problems;
    }

    /**
     * @param programSections the {@code [program:x]} sections by program name (names already validated)
     * @param groupSections   the {@code [group:x]} sections
     */
    List<GroupConfig> assemble(Map<String, IniSection> programSections, List<IniSection> groupSections) {
        List<GroupConfig> groups = new ArrayList<>();
        Set<String> grouped = new HashSet<>();
        for (IniSection section : groupSections) {
            String raw = section.name().substring(PREFIX.length());
            String name;
            try {
                name = SupervisorTypes.name(raw);
            } catch (InvalidValueException e) {
                problems.error(section.source(), e.getMessage());
                continue;
            }
            SectionValues v = new SectionValues(section, problems);
            for (IniEntry e : section.entries()) {
                if (!e.key().equals("programs") && !e.key().equals("priority")) {
                    v.warning(e.key(), "not a [group:x] option, ignored (a group has only programs= and priority=;"
                            + " set " + e.key() + " in each [program:x])");
                }
            }
            int priority = v.typed("priority", "999", names, SupervisorTypes::integer, 999);
            List<ProgramConfig> members = new ArrayList<>();
            for (String program : members(v, programSections.keySet())) {
                grouped.add(program);
                members.add(programs.read(programSections.get(program), program, name));
            }
            groups.add(new GroupConfig(name, priority, List.copyOf(members), section.source()));
        }
        programSections.forEach((program, section) -> {
            if (!grouped.contains(program)) {
                ProgramConfig config = programs.read(section, program, program);
                groups.add(new GroupConfig(program, config.priority(), List.of(config), section.source()));
            }
        });
        groups.sort(Comparator.comparingInt(GroupConfig::priority).thenComparing(GroupConfig::name));
        return List.copyOf(groups);
    }

    /** The known programs of {@code programs=}, in order, each once. */
    private Set<String> members(SectionValues v, Set<String> known) {
        Set<String> members = new LinkedHashSet<>();
        if (!v.has("programs")) {
            problems.error(v.section().source(), "[" + v.section().name() + "] has no programs= (expected a comma"
                    + " list of program names)");
            return members;
        }
        String value = v.expanded("programs", "", names);
        for (String program : EngineReader.list(value == null ? "" : value)) {
            if (!known.contains(program)) {
                v.error("programs", "[" + v.section().name() + "] names unknown program or fcgi-program " + program
                        + " (expected a [program:" + program + "] section; " + NearestNames.describe(program, known) + ")");
            } else if (!members.add(program)) {
                v.warning("programs", program + " is listed more than once; it runs once");
            }
        }
        return members;
    }
}
