package dev.orchestrator.chaos;

/**
 * What one scenario measured. For the event streams: events published (confirmed by the broker), distinct ids
 * delivered at the end of the chain, extra deliveries of an id (duplicates, allowed: at-least-once), ids that went
 * to an error queue, and ids lost (published, neither delivered nor error-queued: must be 0). {@code recovery} says
 * how long the system took to come back; {@code notes} holds what else the scenario checked. {@code failure} is
 * null when every check of the scenario held.
 */
public record Figures(long published, long delivered, long duplicated, long errorQueued, long lost, String recovery,
                      String notes, String failure) {

    /** Figures of a scenario that has no event stream (fuzz, control socket). */
    public static Figures checks(String notes, String failure) {
        return new Figures(-1, -1, -1, -1, 0, "-", notes, failure);
    }

    public boolean passed() {
        return failure == null && lost == 0;
    }

    /** The same counts with the recovery and notes (known once the stream settled) before the earlier notes. */
    public Figures described(String recovery, String notes) {
        return new Figures(published, delivered, duplicated, errorQueued, lost, recovery,
                this.notes.isEmpty() ? notes : notes + "; " + this.notes, failure);
    }

    public Figures withFailure(String why) {
        return new Figures(published, delivered, duplicated, errorQueued, lost, recovery, notes,
                failure == null ? why : failure + "; " + why);
    }
}
