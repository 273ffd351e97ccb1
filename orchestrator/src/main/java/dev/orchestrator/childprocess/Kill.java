package dev.orchestrator.childprocess;

import dev.orchestrator.config.UnixSignals;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal to a child or to its process group. The JDK sends only SIGTERM and SIGKILL, and only to one
 * process ({@link ProcessHandle#destroy}), so any other signal, and every signal to a group, goes through the
 * system's {@code kill} command ({@code kill -s N -- -PGID}): no native code, and the same tool an operator uses.
 */
final class Kill {

    private static final long KILL_WAIT_SECONDS = 5;

    private Kill() { }

    /**
     * Sends {@code number} to {@code process}, or to its process group (its pid: every child leads its own).
     *
     * @return false when there was nobody left to signal
     * @throws IOException when {@code kill} cannot run or fails for another reason
     */
    static boolean send(ProcessHandle process, int number, boolean group) throws IOException {
        if (!group && number == UnixSignals.TERM) return process.destroy() || !process.isAlive();
        if (!group && number == UnixSignals.KILL) return process.destroyForcibly() || !process.isAlive();
        String target = (group ? "-" : "") + process.pid();
        Process kill = new ProcessBuilder(List.of("kill", "-s", String.valueOf(number), "--", target))
                .redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IOException("kill -s " + number + " -- " + target + " did not return");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + target, e);
        }
        if (kill.exitValue() == 0) return true;
        String output = new String(kill.getInputStream().readAllBytes()).strip();
        if (output.contains("No such process")) return false;
        throw new IOException("kill -s " + number + " -- " + target + ": " + output);
    }
}
