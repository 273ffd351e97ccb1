package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 24 programs, most with numprocs > 1, half in a group: 100 processes, names and worker numbers as expected. */
class LargeConfigurationTest {

    private static final int PROGRAMS = 24;

    @TempDir
    Path tmp;

    @Test
    void hundredProcesses() {
        ConfigTree tree = new ConfigTree(tmp);
        StringBuilder engines = new StringBuilder();
        for (int i = 0; i < PROGRAMS; i++) {
            int numprocs = i < 4 ? 1 : 4 + (i == PROGRAMS - 1 ? 0 : 0);
            tree.file("etc/engines/e" + i + ".ini", "[program:engine-e" + i + "]\n"
                    + "numprocs=" + numprocs + "\nnumprocs_start=" + (i % 2) + "\npriority=" + (100 - i % 3) + "\n"
                    + "process_name=%(program_name)s-%(process_num)02d\n"
                    + "command=engine-launcher -e dynamic -n e" + i + " -w %(process_num)d\n"
                    + "stdout_logfile=%(here)s/../../logs/e" + i + "-%(process_num)d.log\n");
            engines.append("[engine:e").append(i).append("]\n")
                    .append(i + 1 < PROGRAMS ? "next=e" + (i + 1) + "\n" : "");
        }
        String grouped = IntStream.range(0, PROGRAMS / 2).mapToObj(i -> "engine-e" + i)
                .collect(Collectors.joining(","));
        tree.file("etc/supervisord.conf", "[include]\nfiles=supervisord.d/*.conf engines/*.ini\n")
                .file("etc/supervisord.d/chain.conf", "[group:chain]\nprograms=" + grouped + "\n")
                .file("etc/amqp2engines.conf", engines.toString());
        Configuration c = tree.load("etc/supervisord.conf");
        assertEquals(List.of(), c.problems());
        assertEquals(4 + 20 * 4, c.processes().count());
        assertEquals(1 + PROGRAMS / 2, c.groups().size());
        assertEquals(PROGRAMS, c.engines().size());
        List<String> order = c.groups().stream().map(g -> g.name() + "@" + g.priority()).toList();
        assertEquals("engine-e14@98", order.get(0));
        assertEquals("chain@999", order.get(order.size() - 1));
        ProcessConfig last = c.processes().filter(p -> p.name().equals("engine-e23-04")).findFirst().orElseThrow();
        assertEquals(new LaunchSpec("dynamic", "e23", 4, "INFO"), last.launch());
        assertEquals(tmp.resolve("logs/e23-4.log"), last.stdoutLog().path());
        assertTrue(c.processes().allMatch(p -> p.launch().worker() == p.processNum()));
        assertEquals(c.processes().count(), c.processes().map(ProcessConfig::name).distinct().count());
    }
}
