package dev.orchestrator.childprocess;

import dev.orchestrator.supervision.SpawnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * supervisord's {@code user=} ({@code Subprocess.set_uid}, {@code ServerOptions.drop_privileges}): a daemon running
 * as root runs the child as that user, with its primary group and supplementary groups ({@code setpriv --reuid
 * --regid --init-groups}); a daemon running as anyone else can only run children as itself.
 */
final class Identity {

    private Identity() { }

    /** The {@code setpriv} options that run a child as {@code user} (none for null or the daemon's own user). */
    static List<String> setprivOptions(String user) throws SpawnException {
        if (user == null) return List.of();
        long self = uid();
        String uid = id(user, "-u");
        if (Long.parseLong(uid) == self) return List.of();
        if (self != 0) {
            throw new SpawnException("error trying to setuid to " + user + " (Can't drop privilege as nonroot user)");
        }
        return List.of("--reuid", uid, "--regid", id(user, "-g"), "--init-groups");
    }

    /** The daemon's effective uid: the owner of {@code /proc/self}. */
    private static long uid() throws SpawnException {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new SpawnException("cannot tell the daemon's user: " + e.getMessage(), e);
        }
    }

    /** {@code id -u USER} or {@code id -g USER}: the system's user database, whatever it is (files, LDAP...). */
    private static String id(String user, String option) throws SpawnException {
        try {
            Process id = new ProcessBuilder("id", option, "--", user).redirectErrorStream(true).start();
            if (!id.waitFor(5, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                throw new SpawnException("id " + option + " " + user + " did not answer");
            }
            String out = new String(id.getInputStream().readAllBytes()).strip();
            if (id.exitValue() != 0 || !out.chars().allMatch(Character::isDigit) || out.isEmpty()) {
                throw new SpawnException("Invalid user name " + user);
            }
            return out;
        } catch (IOException e) {
            throw new SpawnException("cannot look up user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnException("interrupted while looking up user " + user, e);
        }
    }
}
