package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.plan.CommandSearch;
import dev.orchestrator.plan.ExecutionPlanner;
import dev.orchestrator.plugin.TaskRegistries;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of Canopsis' 2016 etc/ (capensis/canopsis sources/canopsis/etc/: 22 programs in amqp2engines plus
 * engine-eventduration, Python engine types) reads completely; without the original launcher, the planner names every engine type and
 * task that cannot run here.
 */
class CanopsisConfigurationTest {

    static final List<String> PROGRAMS = List.of("engine-cleaner-events", "engine-event-filter", "engine-downtime",
            "engine-acknowledgement", "engine-cancel", "engine-ticket", "engine-tag", "engine-eventstore",
            "engine-cleaner-alerts", "engine-selector", "engine-collectdgw", "engine-scheduler", "taskhandler-mail",
            "engine-perfdata", "engine-context", "engine-serie", "engine-topology", "engine-linklist",
            "taskhandler-linklist", "taskhandler-dataclean", "engine-alerts", "engine-stats");

    static final Set<String> PYTHON_TYPES = Set.of("cleaner", "event_filter", "acknowledgement", "cancel", "ticket",
            "tag", "eventstore", "selector", "collectdgw", "scheduler", "task_mail", "context", "linklist",
            "task_linklist", "task_dataclean", "eventduration");

    static final Set<String> PYTHON_TASKS = Set.of("canopsis.downtime.process.event_processing",
            "canopsis.downtime.process.beat_processing", "canopsis.perfdata.process.event_processing",
            "canopsis.topology.process.event_processing", "canopsis.alerts.process.event_processing",
            "canopsis.alerts.process.beat_processing", "canopsis.stats.process.beat_processing",
            "canopsis.serie.process.serie_processing", "canopsis.serie.process.beat_processing");

    @TempDir
    Path home;

    private Path mainFile;
    private Configuration config;

    static Path canopsisEtc() throws URISyntaxException {
        return Path.of(CanopsisConfigurationTest.class.getResource("/canopsis-2016/etc/supervisord.conf").toURI())
                .getParent();
    }

    @BeforeEach
    void load() throws Exception {
        Files.createDirectories(home.resolve("var/log/engines"));
        Files.createDirectories(home.resolve("var/run"));
        mainFile = canopsisEtc().resolve("supervisord.conf");
        config = ConfigLoader.load(mainFile, Map.of("HOME", home.toString()), home);
    }

    @Test
    void readsEveryProgramWithoutErrors() {
        assertEquals(List.of(), errors(config));
        assertEquals(List.of("amqp2engines", "engine-eventduration"),
                config.groups().stream().map(GroupConfig::name).toList());
        assertEquals(PROGRAMS, config.groups().get(0).programs().stream().map(ProgramConfig::name).toList());
        assertEquals(23, config.processes().count());
        assertTrue(config.processes().noneMatch(ProcessConfig::autostart));
        ProcessConfig alerts = config.processes().filter(p -> p.name().equals("engine-alerts-0")).findFirst()
                .orElseThrow();
        assertEquals(new LaunchSpec("dynamic", "alerts", 0, "INFO"), alerts.launch());
        assertEquals(home.resolve("var/log/engines/alerts.log"), alerts.stdoutLog().path());
        assertEquals(home.toString(), alerts.directory());
        assertEquals(Autorestart.UNEXPECTED, alerts.autorestart());
        assertEquals(home.resolve("var/log/supervisord.log"), config.supervisord().logfile());
        assertEquals(home.resolve("tmp/supervisor.sock"), config.supervisord().socketFile());
        assertEquals(new AmqpSettings("amqp://guest:guest@127.0.0.1:5672/canopsis", "canopsis"), config.amqp());
    }

    @Test
    void enginesAsCanopsisWroteThem() {
        assertEquals(22, config.engines().size() - 1, "21 sections + eventduration's defaults");
        assertEquals(List.of("cancel", "tag", "ticket"), config.engines().get("acknowledgement").next());
        assertEquals(Map.of("acknowledge_on", "canopsis.events"), config.engines().get("acknowledgement").params());
        assertEquals(List.of("perfdata", "context", "eventstore", "topology", "linklist", "alerts"),
                config.engines().get("tag").next());
        assertEquals(List.of(Map.entry("canopsis.alerts", "#")), config.engines().get("cleaner_alerts").bindings());
    }

    @Test
    void warningsSayWhatSupervisordSilentlyIgnored() {
        List<String> warnings = messages(config, Problem.Severity.WARNING);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("not a [group:x] option, ignored"));
        assertTrue(warnings.get(1).startsWith("engine 'eventduration' has no [engine:eventduration] section"));
        assertEquals(Set.of("minfds", "minprocs", "nodaemon", "rpcinterface:supervisor",
                "ctlplugin:wildcards"), config.problems().stream().filter(p -> p.severity() == Problem.Severity.NOTE)
                .map(p -> p.source().key() == null ? p.source().section() : p.source().key())
                .collect(Collectors.toSet()));
    }

    /** With only the dynamic engine in Java and no original launcher found, every program says what it lacks. */
    @Test
    void withoutJavaImplementationOrLauncherEveryProgramIsAnErrorNamingWhatIsMissing() throws Exception {
        Configuration planned = new ExecutionPlanner(TaskRegistries.discover(null), new CommandSearch(""))
                .plan(config);
        List<Problem> errors = planned.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                .toList();
        assertEquals(PROGRAMS.size() + 1, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(p -> p.source().key().equals("command") && p.source().line() > 0
                && p.message().contains("'engine-launcher' is not found on PATH")), errors::toString);
        Set<String> types = errors.stream().flatMap(p -> quoted(p.message(), "engine type '")).collect(Collectors.toSet());
        assertEquals(PYTHON_TYPES, types);
        Set<String> tasks = errors.stream().flatMap(p -> quoted(p.message(), "task '")).collect(Collectors.toSet());
        assertEquals(PYTHON_TASKS, tasks);
        Problem perfdata = errors.stream().filter(p -> p.message().contains("canopsis.perfdata")).findFirst()
                .orElseThrow();
        assertEquals(canopsisEtc().resolve("engines/perfdata.ini"), perfdata.source().file());
        assertEquals("program:engine-perfdata", perfdata.source().section());
    }

    private static java.util.stream.Stream<String> quoted(String message, String after) {
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(after) + "([^']+)'").matcher(message)
                .results().map(m -> m.group(1));
    }
}
