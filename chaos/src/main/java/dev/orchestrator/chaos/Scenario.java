package dev.orchestrator.chaos;

/** One fault-tolerance scenario: it sets up its own daemons, vhost and files, injects its fault, and measures. */
public interface Scenario {

    /** The scenario's number in issue 8 (1 to 10). */
    int number();

    String title();

    /** Runs the scenario; a failed check is a {@link Figures#failure()}, an exception means the run itself broke. */
    Figures run(Lab lab) throws Exception;
}
