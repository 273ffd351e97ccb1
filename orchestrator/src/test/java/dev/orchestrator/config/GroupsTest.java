package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.messages;
import static dev.orchestrator.config.ConfigTree.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** [group:x], homogeneous groups, ordering and process names (supervisord's supervisor/options.py, {@code ServerOptions.process_groups_from_parser}). */
class GroupsTest extends WithConfigTree {

    private static String program(String name, String extra) {
        return "[program:" + name + "]\ncommand=engine-launcher -e dynamic -n e -w 0\n" + extra + "\n";
    }

    @Test
    void groupsKeepProgramsOrderAndAllGroupsSortByPriorityThenName() {
        Configuration c = tree.single("[engine:e]\n"
                + program("a", "priority=5") + program("b", "priority=1") + program("c", "")
                + program("z", "priority=2") + program("y", "priority=2")
                + "[group:g]\nprograms=c, a ,b\npriority=3\n");
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("y", "z", "g"), c.groups().stream().map(GroupConfig::name).toList());
        GroupConfig g = c.groups().get(2);
        assertEquals(3, g.priority());
        assertEquals(List.of("c", "a", "b"), g.programs().stream().map(ProgramConfig::name).toList());
        assertEquals(List.of("g:c", "g:a", "g:b"), g.processes().stream().map(ProcessConfig::namespec).toList());
        assertEquals(List.of(999, 5, 1), g.processes().stream().map(ProcessConfig::priority).toList());
        assertEquals(2, c.groups().get(0).priority());
    }

    @Test
    void groupNameIsExpandedInItsPrograms() {
        Configuration c = tree.single("[engine:e]\n" + program("a", "process_name=%(group_name)s-%(program_name)s")
                + "[group:g]\nprograms=a\n");
        assertEquals("g-a", c.processes().findFirst().orElseThrow().name());
    }

    @Test
    void unknownProgram() {
        Problem e = onlyError(tree.single("[engine:e]\n" + program("engine-tag", "")
                + "[group:g]\nprograms=engine-tag,engine-tga\n"),
                "[group:g] names unknown program or fcgi-program engine-tga");
        assertEquals("programs", e.source().key());
        assertEquals(6, e.source().line());
        assertTrue(e.message().endsWith("(expected a [program:engine-tga] section; nearest: engine-tag)"), e::message);
        Configuration two = tree.single("[group:g]\nprograms=nope,nada\n");
        assertEquals(List.of("[group:g] names unknown program or fcgi-program nope (expected a [program:nope]"
                + " section; none is defined)", "[group:g] names unknown program or fcgi-program nada (expected a"
                + " [program:nada] section; none is defined)"), errors(two));
    }

    @Test
    void groupWithoutPrograms() {
        onlyError(tree.single("[group:g]\npriority=1\n"), "[group:g] has no programs=");
    }

    @Test
    void programListedTwiceRunsOnce() {
        Configuration c = tree.single("[engine:e]\n" + program("a", "") + "[group:g]\nprograms=a,a\n");
        assertEquals(1, c.processes().count());
        assertEquals(List.of("a is listed more than once; it runs once"), messages(c, Problem.Severity.WARNING));
    }

    @Test
    void groupOptionsOtherThanProgramsAndPriorityAreIgnoredWithAWarning() {
        Configuration c = tree.single("[engine:e]\n" + program("a", "") + "[group:g]\nautostart=false\nprograms=a\n");
        assertTrue(c.processes().allMatch(ProcessConfig::autostart));
        assertEquals(1, messages(c, Problem.Severity.WARNING).size());
        assertTrue(messages(c, Problem.Severity.WARNING).get(0).startsWith("not a [group:x] option, ignored"));
    }

    @Test
    void duplicateProcessNamesAcrossGroupsAreAnError() {
        Configuration c = tree.single("[engine:e]\n" + program("a", "process_name=worker")
                + program("b", "process_name=worker") + "[group:g]\nprograms=a\n[group:h]\nprograms=a\n");
        List<String> errors = errors(c);
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(m -> m.startsWith("process name 'worker'")));
    }

    @Test
    void processesOfAProgramShouldBeDistinctWorkers() {
        Configuration c = tree.single("[engine:e]\n" + program("p", "numprocs=2\nprocess_name=p%(process_num)d"));
        assertEquals(List.of("the 2 processes of program p share worker numbers (expected -w %(process_num)d)"),
                messages(c, Problem.Severity.WARNING));
    }

    @Test
    void numprocsNamesProcessesInSupervisordsOrder() {
        Configuration c = tree.single("[engine:e]\n[program:p]\nnumprocs=12\n"
                + "process_name=%(program_name)s-%(process_num)d\ncommand=engine-launcher -e t -n e -w %(process_num)d\n");
        assertEquals(List.of(), c.problems());
        List<String> names = c.processes().map(ProcessConfig::name).toList();
        assertEquals(12, names.size());
        assertEquals(List.of("p-0", "p-1", "p-10", "p-11", "p-2"), names.subList(0, 5));
    }
}
