package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.testing.PluginJars;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.TaskRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code orchestrator check} end to end through picocli, output captured. */
class CheckCommandTest {

    private static final Path SHIPPED = Path.of("../etc/supervisord.conf").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    private record Run(int exit, String out, String err) {}

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A registry with the built-in engines' names (the engines module is not on this module's classpath). */
    private static TaskRegistry builtIns() {
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        EngineType unused = context -> {
            throw new UnsupportedOperationException("check never creates engines");
        };
        for (String type : List.of("dynamic", "cleaner", "event_filter", "tag", "eventstore")) {
            registry.registerEngineType(type, unused);
        }
        registry.register("canopsis.perfdata.process.event_processing", EventTask.IDENTITY);
        return registry;
    }

    private static Path canopsis() throws URISyntaxException {
        return Path.of(CheckCommandTest.class.getResource("/canopsis-2016/etc/supervisord.conf").toURI());
    }

    @Test
    void shippedConfigurationIsValidAndPrintsThePlan() {
        Run r = run(new CommandLine(new CheckCommand(CheckCommandTest::builtIns)), "-c", SHIPPED.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("configuration " + SHIPPED + "\nbroker        embedded"), r.out());
        assertTrue(r.out().contains("group amqp2engines (priority 999): 5 programs, 5 processes"), r.out());
        assertTrue(r.out().contains("""
                  program engine-cleaner-events (priority 999): thread, the Java engine type cleaner, on a worker thread
                    engine   cleaner_events, type cleaner
                    queue    Engine_cleaner_events (classic), bound to canopsis.events with '#'
                    next     Engine_event_filter
                    tasks    event_processing -, beat_processing -; beat every 60 s, prefetch 200
                    process  engine-cleaner-events-0: worker 0, level INFO, autostart, autorestart unexpected \
                (exitcodes 0), startsecs 1, startretries 3, stopwaitsecs 10
                """), r.out());
        assertTrue(r.out().contains("stdout " + SHIPPED.getParent().resolveSibling("logs/tag.log")
                + " (rotated at 10MB, 5 backups), stderr the same"), r.out());
        assertTrue(r.out().endsWith("5 programs, 5 processes in 1 group: 0 errors, 0 warnings, 0 notes\n"
                + "programs by way: 5 thread\n"), r.out());
    }

    @Test
    void jsonHasTheSamePlan() throws Exception {
        Run r = run(new CommandLine(new CheckCommand(CheckCommandTest::builtIns)), "-c", SHIPPED.toString(),
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("broker").get("embedded").asBoolean());
        JsonNode group = json.get("groups").get(0);
        assertEquals("amqp2engines", group.get("name").asText());
        JsonNode perfdata = group.get("programs").get(3);
        assertEquals("engine-perfdata", perfdata.get("name").asText());
        assertEquals("dynamic", perfdata.get("engine").get("type").asText());
        assertEquals("canopsis.perfdata.process.event_processing",
                perfdata.get("engine").get("eventProcessing").asText());
        JsonNode tag = group.get("programs").get(2).get("engine");
        assertEquals(List.of("Engine_perfdata"),
                StreamSupport.stream(tag.get("next").spliterator(), false).map(JsonNode::asText).toList());
        assertEquals("Engine_eventstore", perfdata.get("engine").get("next").get(0).asText());
        assertEquals("amq.direct", tag.get("bindings").get(0).get("exchange").asText());
        assertEquals("Engine_tag", tag.get("bindings").get(0).get("routingKey").asText());
        JsonNode process = perfdata.get("processes").get(0);
        assertEquals("amqp2engines:engine-perfdata-0", process.get("namespec").asText());
        assertEquals(10, process.get("stopwaitsecs").asInt());
        assertEquals(10 << 20, process.get("stdoutLog").get("maxBytes").asLong());
        assertEquals(0, json.get("errors").size());
    }

    @Test
    void canopsisConfigurationListsEveryProgramAndWhatCannotRun() throws Exception {
        Run r = run(RootCommand.commandLine("check"), "check", "-c", canopsis().toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.err());
        assertFalse(r.out().contains("Exception"), r.out());
        for (String program : List.of("engine-cleaner-events", "engine-alerts", "taskhandler-dataclean",
                "engine-stats", "engine-eventduration")) {
            assertTrue(r.out().contains("  program " + program + " (priority 999): cannot run, see the errors of"
                    + " [program:" + program + "]"), program);
        }
        Map<String, String> programs = Map.of("cleaner", "engine-cleaner-events", "event_filter",
                "engine-event-filter", "acknowledgement", "engine-acknowledgement", "task_mail", "taskhandler-mail",
                "eventduration", "engine-eventduration");
        programs.forEach((type, program) -> assertTrue(r.out().contains("command: program " + program
                + " cannot run: engine type '" + type + "' has no Java implementation"), type));
        assertTrue(r.out().contains("command: program engine-alerts cannot run: the event task"
                + " 'canopsis.alerts.process.event_processing' of [engine:alerts] has no Java implementation"), r.out());
        assertTrue(r.out().contains("the beat task 'canopsis.stats.process.beat_processing' of [engine:stats]"),
                r.out());
        assertTrue(r.out().contains("'engine-launcher' is not found on PATH"), r.out());
        assertTrue(r.out().contains("broker        amqp://guest:****@127.0.0.1:5672/canopsis"), r.out());
    }

    @Test
    void everyProblemIsOneLine() throws Exception {
        Run r = run(new CommandLine(new CheckCommand(CheckCommandTest::builtIns)), "-c", canopsis().toString());
        List<String> problems = r.out().lines().filter(l -> l.matches("  (error|warning|note): .*")).toList();
        assertTrue(problems.size() > 20, r.out());
        assertTrue(problems.stream().allMatch(l -> l.matches("  \\w+: /\\S+:\\d+ \\[[^]]+](?: \\w+)?: .+")),
                () -> String.join("\n", problems));
    }

    /** Two versions of a plugin jar: check says which registration is ignored, as {@code tasks} and the main log do. */
    @Test
    void aTaskRegisteredAgainByAnotherJarIsAWarning() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path v1 = PluginJars.write(tmp, plugins.resolve("demo-1.0.jar"), "1.0");
        Path v2 = PluginJars.write(tmp, plugins.resolve("demo-1.1.jar"), "1.1");
        Files.writeString(tmp.resolve("s.conf"), "[program:x]\ncommand=engine-launcher -e dynamic -n x -w 0\n"
                + "[engine:x]\nevent_processing=demo.version\n");
        Run r = run(new CommandLine(new CheckCommand()), "-c", tmp.resolve("s.conf").toString(), "--plugins",
                plugins.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("warning: " + plugins + ": event task 'demo.version' of " + v2
                + " ignored: already registered by " + v1), r.out());
    }

    @Test
    void missingFileIsAnErrorNotAStackTrace() {
        Run r = run(new CommandLine(new CheckCommand(CheckCommandTest::builtIns)), "-c",
                tmp.resolve("nope.conf").toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("error: " + tmp.resolve("nope.conf") + ": no such configuration file"), r.out());
    }

    @Test
    void aFailingRegistryGivesOneLine() throws Exception {
        Files.writeString(tmp.resolve("s.conf"), "[program:x]\ncommand=engine-launcher -e t -n x -w 0\n");
        Run r = run(new CommandLine(new CheckCommand(() -> {
            throw new IllegalStateException("task library x.Y (file:/p.jar): task 'a' is already registered\nmore");
        })), "-c", tmp.resolve("s.conf").toString());
        assertEquals(1, r.exit());
        assertEquals("orchestrator check: task library x.Y (file:/p.jar): task 'a' is already registered\n", r.err());
    }

    @Test
    void configOptionResolution() {
        ConfigOption option = new ConfigOption();
        assertEquals(Path.of("/x/y.conf"), option.mainFile(java.util.Map.of(ConfigOption.ENV, "/x/y.conf")));
        assertEquals(Path.of("").toAbsolutePath().resolve("etc/supervisord.conf"),
                option.mainFile(java.util.Map.of()));
        new CommandLine(new CheckCommand()).parseArgs("--config", "rel/a.conf");
        CheckCommand check = new CheckCommand();
        new CommandLine(check).parseArgs("-c", "rel/a.conf");
        assertEquals(Path.of("rel/a.conf").toAbsolutePath(), check.config.mainFile(java.util.Map.of(
                ConfigOption.ENV, "/ignored")));
    }
}
