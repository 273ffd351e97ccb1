package dev.orchestrator.config;

import java.util.Set;

/**
 * One supervised worker: a program's settings expanded for one {@code process_num}, as supervisord's
 * ProcessConfig. {@code name} is the expanded {@code process_name}; {@code group} its group's name. {@code launch} is
 * null only when the command is invalid (the configuration then has errors); {@code source} is where {@code command}
 * is (the section header when it is missing).
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
        LaunchSpec launch,
        LogSpec stdoutLog,
        LogSpec stderrLog,
        boolean redirectStderr,
        String directory,
        java.util.Map<String, String> environment,
        Source source) {

    /** supervisorctl's namespec: {@code name} when group and process share it, else {@code group:name}. */
    public String namespec() { return group.equals(name) ? name : group + ':' + name; }
}
