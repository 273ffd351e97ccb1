package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading a configuration, so one run reports all of them. */
final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void error(Source source, String message) {
        list.add(new Problem(Problem.Severity.ERROR, source, message));
    }

    void warning(Source source, String message) {
        list.add(new Problem(Problem.Severity.WARNING, source, message));
    }

    void note(Source source, String message) {
        list.add(new Problem(Problem.Severity.NOTE, source, message));
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
