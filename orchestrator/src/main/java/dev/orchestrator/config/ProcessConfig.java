package dev.orchestrator.config;

import java.util.Map;
import java.util.Set;

/**
 * One supervised process: a program's settings expanded for one {@code process_num}, as supervisord's
 * ProcessConfig. {@code name} is the expanded {@code process_name}; {@code group} its group's name.
 * {@code execution} says how it runs (a thread, a child process, a child JVM); it is null only when the command is
 * invalid (the configuration then has errors). {@code child} holds the options of child processes. {@code source}
 * is where {@code command} is (the section header when it is missing).
 */
public record ProcessConfig(
        String name,
        String group,
        String program,
        int processNum,
        int priority,
        boolean autostart,
        Autorestart autorestart,
        Set<Integer> exitcodes,
        int startsecs,
        int startretries,
        int stopwaitsecs,
        Execution execution,
        LogSpec stdoutLog,
        LogSpec stderrLog,
        boolean redirectStderr,
        String directory,
        Map<String, String> environment,
        ChildOptions child,
        Source source) {

    /** supervisorctl's namespec of this process ({@link #namespec(String, String)}). */
    public String namespec() { return namespec(group, name); }

    /**
     * supervisorctl's namespec, the one formula of every namespec: {@code name} when group and process share it (the
     * group when no process is named), else {@code group:name}.
     */
    public static String namespec(String group, String name) {
        return name == null || name.equals(group) ? String.valueOf(group) : group + ':' + name;
    }

    /** The Java engine this process runs (as a thread or in its own JVM), or null for a command. */
    public LaunchSpec launch() { return execution == null ? null : execution.engine(); }

    /** The same process, read from {@code at}: compare two with {@code withSource(null)}. */
    public ProcessConfig withSource(Source at) {
        return new ProcessConfig(name, group, program, processNum, priority, autostart, autorestart, exitcodes,
                startsecs, startretries, stopwaitsecs, execution, stdoutLog, stderrLog, redirectStderr, directory,
                environment, child, at);
    }

    /** The same process, run another way (what {@code check} decides for engines without a Java implementation). */
    public ProcessConfig withExecution(Execution how) {
        return new ProcessConfig(name, group, program, processNum, priority, autostart, autorestart, exitcodes,
                startsecs, startretries, stopwaitsecs, how, stdoutLog, stderrLog, redirectStderr, directory,
                environment, child, source);
    }
}
