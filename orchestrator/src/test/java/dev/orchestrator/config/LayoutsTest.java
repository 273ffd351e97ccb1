package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both layouts: one file holding everything, and Canopsis' split tree with [include] globs. */
class LayoutsTest extends WithConfigTree {

    private static String program(String name, String engine, String logs) {
        return "[program:" + name + "]\nprocess_name=%(program_name)s-%(process_num)d\n"
                + "command=engine-launcher -e dynamic -n " + engine + " -w %(process_num)d -l info\n"
                + "stdout_logfile=" + logs + "/" + engine + ".log\n";
    }

    @Test
    void singleFileHoldsEverything() {
        Configuration c = tree.single("""
                [unix_http_server]
                file=/tmp/o.sock
                [supervisord]
                logfile=%(here)s/../logs/d.log
                """ + program("engine-a", "a", "%(here)s/../logs") + program("engine-b", "b", "%(here)s/../logs")
                + "[group:chain]\nprograms=engine-a,engine-b\n[engine:a]\nnext=b\n[engine:b]\n");
        assertEquals(List.of(), c.problems());
        assertEquals(Path.of("/tmp/o.sock"), c.supervisord().socketFile());
        assertEquals(tmp.resolve("logs/d.log"), c.supervisord().logfile());
        assertEquals(List.of("chain:engine-a-0", "chain:engine-b-0"),
                c.processes().map(ProcessConfig::namespec).toList());
        assertEquals(tmp.resolve("logs/b.log"), c.processes().toList().get(1).stdoutLog().path());
    }

    @Test
    void splitLayoutWithGlobsAndHerePerFile() {
        tree.file("etc/supervisord.conf", "[include]\nfiles = supervisord.d/*.conf engines/*.ini ../extra/x?.ini\n")
                .file("etc/supervisord.d/amqp2engines.conf", "[group:amqp2engines]\nprograms=engine-b,engine-a\n")
                .file("etc/supervisord.d/.hidden.conf", "[program:hidden]\n")
                .file("etc/supervisord.d/notes.txt", "not ini at all\n")
                .file("etc/engines/a.ini", program("engine-a", "a", "%(here)s/../../logs"))
                .file("etc/engines/b.ini", program("engine-b", "b", "%(here)s/../../logs"))
                .file("extra/x1.ini", program("engine-x", "x", "%(here)s/../logs"))
                .file("etc/amqp2engines.conf", "[engine:a]\n[engine:b]\nnext=a\n[engine:x]\n");
        Configuration c = tree.load("etc/supervisord.conf");
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("amqp2engines", "engine-x"), c.groups().stream().map(GroupConfig::name).toList());
        List<ProcessConfig> ps = c.processes().toList();
        assertEquals(List.of("engine-b-0", "engine-a-0", "engine-x-0"), ps.stream().map(ProcessConfig::name).toList());
        assertEquals(tmp.resolve("logs/b.log"), ps.get(0).stdoutLog().path());
        assertEquals(tmp.resolve("logs/x.log"), ps.get(2).stdoutLog().path());
        assertEquals(tmp.resolve("etc/engines/a.ini"), ps.get(1).source().file());
        assertEquals(tmp.resolve("etc/amqp2engines.conf"), c.engines().get("b").sourceOf("next").file());
        assertEquals(List.of("a"), c.engines().get("b").next());
    }

    @Test
    void includeMatchingNothingWarnsAndIncludedIncludesAreIgnored() {
        tree.file("etc/supervisord.conf", "[include]\nfiles=nothing/*.conf other.conf\n")
                .file("etc/other.conf", "[include]\nfiles=more.conf\n");
        Configuration c = tree.load("etc/supervisord.conf");
        List<String> warnings = messages(c, Problem.Severity.WARNING);
        assertTrue(warnings.contains("No file matches via include \"" + tmp.resolve("etc/nothing/*.conf") + "\""),
                warnings::toString);
        assertTrue(warnings.contains("ignored: only the main file's [include] is read, as supervisord does"),
                warnings::toString);
    }

    @Test
    void includeWithoutFiles() {
        Configuration c = tree.single("[include]\n");
        assertEquals(List.of(".ini file has [include] section, but no files setting (expected files=PATTERN...)"),
                errors(c));
    }

    @Test
    void enginesFileBesideTheMainFileIsReadOnceEvenWhenIncluded() {
        tree.file("etc/supervisord.conf", "[include]\nfiles=*.conf\n" + program("a", "a", "%(here)s/../logs"))
                .file("etc/amqp2engines.conf", "[engine:a]\nprefetch=5\n");
        Configuration c = tree.load("etc/supervisord.conf");
        assertEquals(List.of(), c.problems());
        assertEquals(5, c.engines().get("a").prefetch());
    }

    @Test
    void missingMainFileIsOneError() {
        Configuration c = tree.load("etc/nope.conf");
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).toString().startsWith("error: " + tmp.resolve("etc/nope.conf")
                + ": no such configuration file"));
        assertEquals(List.of(), c.groups());
    }

    @Test
    void daemonSectionsDefaultsAndIgnoredSections() {
        Configuration c = tree.single("""
                [supervisord]
                nodaemon=true
                loglevel=debug
                logfile_maxbytes=1MB
                logfile_backups=2
                pidfile=../run/x.pid
                childlogdir=%(here)s/../logs/children
                logfil=typo
                [unix_http_server]
                chmod=0700
                [supervisorctl]
                serverurl=unix:///tmp/x.sock
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [ctlplugin:wildcards]
                match_group = 1
                [eventlistener:x]
                [programs:typo]
                """);
        SupervisordSettings s = c.supervisord();
        assertEquals("debug", s.loglevel());
        assertEquals(1L << 20, s.logfileMaxBytes());
        assertEquals(2, s.logfileBackups());
        assertEquals(tmp.resolve("run/x.pid"), s.pidfile());
        assertEquals(tmp.resolve("logs/children"), s.childLogDir());
        assertEquals(tmp.resolve("logs/orchestrator.log"), s.logfile());
        assertEquals(tmp.resolve("run/orchestrator.sock"), s.socketFile());
        assertEquals(List.of(), errors(c));
        assertEquals(4, messages(c, Problem.Severity.NOTE).size(), c.problems()::toString);
        assertEquals(List.of("logfil", "eventlistener:x", "programs:typo"), c.problems().stream()
                .filter(p -> p.severity() == Problem.Severity.WARNING)
                .map(p -> p.source().key() != null ? p.source().key() : p.source().section()).toList());
        assertEquals("bad logging level name 'loud' (expected one of critical, error, warn, info, debug, trace,"
                + " blather)", errors(tree.single("[supervisord]\nloglevel=loud\n")).get(0));
    }
}
