package dev.orchestrator.supervision;

import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.Autorestart;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.ChildOptions;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.LogSpec;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.ProgramConfig;
import dev.orchestrator.config.Source;
import dev.orchestrator.config.SupervisordSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds configuration records directly, as the config loader would, for supervision tests. */
public final class TestProcesses {

    private TestProcesses() { }

    /** A mutable {@link ProcessConfig} builder with supervisord's defaults. */
    public static final class Spec {
        String name;
        String group;
        int priority = 999;
        boolean autostart = true;
        Autorestart autorestart = Autorestart.UNEXPECTED;
        Set<Integer> exitcodes = Set.of(0);
        int startsecs = 1;
        int startretries = 3;
        int stopwaitsecs = 10;
        LogSpec stdout = LogSpec.none();
        LogSpec stderr = LogSpec.none();
        boolean redirectStderr;

        Spec(String name) {
            this.name = name;
            this.group = name;
        }

        public Spec group(String g) { group = g; return this; }
        public Spec priority(int p) { priority = p; return this; }
        public Spec autostart(boolean a) { autostart = a; return this; }
        public Spec autorestart(Autorestart a) { autorestart = a; return this; }
        public Spec exitcodes(Integer... codes) { exitcodes = Arrays.stream(codes).collect(Collectors.toSet()); return this; }
        public Spec startsecs(int s) { startsecs = s; return this; }
        public Spec startretries(int r) { startretries = r; return this; }
        public Spec stopwaitsecs(int s) { stopwaitsecs = s; return this; }
        public Spec stdout(LogSpec l) { stdout = l; return this; }
        public Spec stderr(LogSpec l) { stderr = l; return this; }
        public Spec redirectStderr(boolean r) { redirectStderr = r; return this; }

        public ProcessConfig build() {
            return new ProcessConfig(name, group, name, 0, priority, autostart, autorestart, exitcodes, startsecs,
                    startretries, stopwaitsecs,
                    new Execution.Thread(new LaunchSpec("test", name, 0, "info"), "test"), stdout, stderr,
                    redirectStderr, null, Map.of(), ChildOptions.defaults(), new Source(Path.of("test.conf"), 0, "program:" + name, null));
        }
    }

    public static Spec process(String name) { return new Spec(name); }

    /** A homogeneous group per process, or one group holding them all when they name it. */
    public static GroupConfig group(String name, int priority, ProcessConfig... processes) {
        List<ProgramConfig> programs = Arrays.stream(processes)
                .map(p -> new ProgramConfig(p.program(), p.priority(), List.of(p), p.source())).toList();
        return new GroupConfig(name, priority, programs, new Source(Path.of("test.conf"), 0, "group:" + name, null));
    }

    public static GroupConfig single(ProcessConfig p) { return group(p.group(), p.priority(), p); }

    public static Configuration configuration(Path dir, GroupConfig... groups) {
        SupervisordSettings settings = new SupervisordSettings(dir.resolve("supervisord.log"), 50L << 20, 10, "info",
                dir.resolve("supervisord.pid"), dir, dir, dir.resolve("supervisor.sock"));
        return new Configuration(dir.resolve("supervisord.conf"), settings, List.of(groups), Map.of(),
                new AmqpSettings(null, AmqpSettings.DEFAULT_EXCHANGE_NAME), List.of());
    }
}
