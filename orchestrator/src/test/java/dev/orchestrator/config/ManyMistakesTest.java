package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split tree with mistakes in several files: one load lists every one of them, each with its file and line. */
class ManyMistakesTest {

    @TempDir
    Path tmp;

    @Test
    void everyMistakeIsListedWithFileAndLine() {
        Configuration c = new ConfigTree(tmp)
                .file("etc/supervisord.conf", """
                        [supervisord]
                        loglevel=chatty
                        logfile_backups=many
                        [include]
                        files=supervisord.d/*.conf engines/*.ini
                        """)
                .file("etc/supervisord.d/group.conf", """
                        [group:chain]
                        programs=engine-a,engine-b,engine-c,engine-z
                        priority=first
                        """)
                .file("etc/engines/a.ini", """
                        [program:engine-a]
                        command=engine-launcher -e dynamic -n a -w %(process_num)d
                        numprocs=2
                        autorestart=sometimes
                        """)
                .file("etc/engines/b.ini", """
                        [program:engine-b]
                        command=/usr/bin/python 'engine.py
                        startsecs=%(process_num)d
                        stdout_logfile=/no/such/dir/b.log
                        """)
                .file("etc/engines/c.ini", """
                        [program:engine-c]
                        process_name=%(program_name)s-%(proces_num)d
                        command=engine-launcher -e dynamic -n c -w 0 -l shout
                        exitcodes=0,300
                        """)
                .file("etc/amqp2engines.conf", """
                        [engine:a]
                        next=b,cc
                        prefetch=lots
                        [engine:c]
                        next_balanced=sometimes
                        """)
                .load("etc/supervisord.conf");
        List<Problem> errors = c.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        List<String> where = errors.stream().map(p -> tmp.relativize(p.source().file()) + ":" + p.source().line()
                + " " + p.source().key()).sorted().toList();
        assertEquals(List.of(
                "etc/amqp2engines.conf:2 next",
                "etc/amqp2engines.conf:2 next",
                "etc/amqp2engines.conf:3 prefetch",
                "etc/amqp2engines.conf:5 next_balanced",
                "etc/engines/a.ini:3 numprocs",
                "etc/engines/a.ini:4 autorestart",
                "etc/engines/b.ini:2 command",
                "etc/engines/b.ini:3 startsecs",
                "etc/engines/b.ini:4 stdout_logfile",
                "etc/engines/c.ini:2 process_name",
                "etc/engines/c.ini:3 command",
                "etc/engines/c.ini:4 exitcodes",
                "etc/supervisord.conf:2 loglevel",
                "etc/supervisord.conf:3 logfile_backups",
                "etc/supervisord.d/group.conf:2 programs",
                "etc/supervisord.d/group.conf:3 priority"), where, () -> errors.stream().map(Problem::toString)
                .collect(Collectors.joining("\n")));
        assertTrue(errors.stream().allMatch(p -> p.toString().matches("error: /\\S+:\\d+ \\[[^]]+] \\w+: .+")),
                errors::toString);
        assertTrue(errors.stream().allMatch(p -> p.message().contains("expected")), errors::toString);
        assertTrue(c.hasErrors());
    }
}
