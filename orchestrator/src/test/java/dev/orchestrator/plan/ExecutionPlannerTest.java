package dev.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.api.EngineType;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.plugin.TaskRegistries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which way each program runs: thread, the original launcher as a process, or an error naming what is missing. */
class ExecutionPlannerTest {

    @TempDir
    Path dir;

    private final DefaultTaskRegistry registry = TaskRegistries.discover(Path.of("does-not-exist"));
    private Path launcher;

    @BeforeEach
    void setUp() throws Exception {
        registry.registerEngineType("store", EngineType.declaring(c -> null, Map.of("path", "the file"), Map.of()));
        registry.registerEngineType("cleaner", EngineType.declaring(c -> null, Map.of(),
                Map.of("rules", "every event passes")));
        Files.createDirectories(dir.resolve("bin"));
        launcher = dir.resolve("bin/engine-launcher");
        Files.writeString(launcher, "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("logs"));
    }

    private Configuration plan(String path, String programs) throws Exception {
        Path main = dir.resolve("supervisord.conf");
        Files.writeString(main, "[supervisord]\nlogfile=%(here)s/logs/main.log\nchildlogdir=%(here)s/logs\n"
                + programs);
        return new ExecutionPlanner(registry, new CommandSearch(path)).plan(ConfigLoader.load(main));
    }

    private static String program(String name, String type, String extra) {
        return "[program:" + name + "]\ncommand=engine-launcher -e " + type + " -n " + name + " -w 0 -l info\n"
                + extra + "[engine:" + name + "]\n";
    }

    private static Execution execution(Configuration c, String program) {
        return c.processes().filter(p -> p.program().equals(program)).map(ProcessConfig::execution).findFirst()
                .orElseThrow();
    }

    private static List<String> messages(Configuration c, Problem.Severity severity) {
        return c.problems().stream().filter(p -> p.severity() == severity).map(Problem::message).toList();
    }

    @Test
    void aCompleteJavaEngineIsAThreadAModulePathNamesItsType() throws Exception {
        Configuration c = plan(dir.resolve("bin").toString(), program("a", "dynamic", "")
                + program("b", "canopsis.engines.dynamic", ""));
        assertEquals(new Execution.Thread(execution(c, "a").engine(), "the Java engine type dynamic, on a worker thread"),
                execution(c, "a"));
        assertEquals("the Java engine type dynamic (for canopsis.engines.dynamic), on a worker thread",
                execution(c, "b").reason());
        assertEquals(List.of(), messages(c, Problem.Severity.ERROR));
    }

    @Test
    void noJavaImplementationRunsTheOriginalLauncherWithTheSameArgumentsAndANote() throws Exception {
        Configuration c = plan(dir.resolve("bin").toString(), program("ack", "acknowledgement", ""));
        Execution.Child child = assertInstanceOf(Execution.Child.class, execution(c, "ack"));
        assertEquals(List.of("engine-launcher", "-e", "acknowledgement", "-n", "ack", "-w", "0", "-l", "info"),
                child.argv());
        assertTrue(child.reason().startsWith("engine type 'acknowledgement' has no Java implementation"),
                child.reason());
        assertTrue(child.reason().endsWith(": the original " + launcher + " as a child process"), child.reason());
        assertEquals(1, messages(c, Problem.Severity.NOTE).stream().filter(m -> m.startsWith("program ack runs the"
                + " original " + launcher)).count());
    }

    @Test
    void aJavaEngineMissingARequiredParameterRunsTheOriginalWithAWarning() throws Exception {
        Configuration c = plan(dir.resolve("bin").toString(), program("eventstore", "store", ""));
        assertInstanceOf(Execution.Child.class, execution(c, "eventstore"));
        assertEquals(List.of("program eventstore runs the original " + launcher + " as a child process:"
                + " [engine:eventstore] has no 'path', which engine type store needs: the file"),
                messages(c, Problem.Severity.WARNING));
    }

    @Test
    void withoutTheLauncherWhatCannotRunInJavaIsAnErrorNamingWhatIsMissing() throws Exception {
        Configuration c = plan(dir.resolve("empty").toString(), program("ack", "acknowledgement", "")
                + "[engine:t]\nevent_processing=canopsis.alerts.process.event_processing\n"
                + "[program:t]\ncommand=engine-launcher -e dynamic -n t -w 0\n");
        assertEquals(List.of("program ack cannot run: engine type 'acknowledgement' has no Java implementation"
                        + " (none is near), and 'engine-launcher' is not found on PATH (the original Canopsis"
                        + " engine-launcher runs the engines without a Java implementation) (expected a Java"
                        + " implementation, or the original launcher)",
                "program t cannot run: the event task 'canopsis.alerts.process.event_processing' of [engine:t] has"
                        + " no Java implementation (none is near), and 'engine-launcher' is not found on PATH (the"
                        + " original Canopsis engine-launcher runs the engines without a Java implementation)"
                        + " (expected a Java implementation, or the original launcher)"),
                messages(c, Problem.Severity.ERROR));
    }

    @Test
    void implementationForcesEitherWay() throws Exception {
        String bin = dir.resolve("bin").toString();
        Configuration c = plan(bin, program("kept", "dynamic", "implementation=original\n")
                + program("forced", "store", "implementation=java\n"));
        assertEquals("implementation=original: the original " + launcher + " as a child process",
                execution(c, "kept").reason());
        assertEquals(List.of("program forced has implementation=java, but [engine:forced] has no 'path', which"
                + " engine type store needs: the file (expected a registered engine type and tasks, and the"
                + " parameters it needs)"), messages(c, Problem.Severity.ERROR));
        Configuration none = plan(dir.resolve("empty").toString(), program("kept", "dynamic",
                "implementation=original\n"));
        assertTrue(messages(none, Problem.Severity.ERROR).get(0).startsWith("program kept has implementation="
                + "original, but 'engine-launcher' is not found on PATH"));
        Configuration isolated = plan(bin, program("own", "dynamic", "isolation=process\n"));
        assertEquals("the Java engine type dynamic, in its own JVM (isolation=process)",
                assertInstanceOf(Execution.IsolatedJvm.class, execution(isolated, "own")).reason());
    }

    @Test
    void anAdvisedParameterMissingIsAWarningWhenTheJavaEngineRuns() throws Exception {
        Configuration c = plan(dir.resolve("bin").toString(), program("clean", "cleaner", ""));
        assertInstanceOf(Execution.Thread.class, execution(c, "clean"));
        assertEquals(List.of("[engine:clean] has no 'rules': every event passes"),
                messages(c, Problem.Severity.WARNING));
    }
}
