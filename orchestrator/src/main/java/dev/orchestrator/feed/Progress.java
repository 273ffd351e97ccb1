package dev.orchestrator.feed;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The feeder's progress bar, redrawn in place at most ten times a second on a terminal:
 * {@code [#########-----------]  45%  4500/10000  3012 ev/s}. Without a known total it shows the count and the rate.
 */
public final class Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;

    /** {@code total} is 0 when unknown. */
    public Progress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    /** Called after each event; draws when the last drawing is old enough. */
    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        draw(done, now);
    }

    /** Draws the final state and ends the line. */
    public void finish(long done) {
        draw(done, System.nanoTime());
        out.println();
    }

    private void draw(long done, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        String rate = String.format(Locale.ROOT, "%.0f ev/s", done / seconds);
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            out.printf(Locale.ROOT, "\r[%s%s] %3d%%  %d/%d  %s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                    done * 100 / total, done, total, rate);
        } else {
            out.printf(Locale.ROOT, "\r%d events  %s", done, rate);
        }
        out.flush();
    }
}
