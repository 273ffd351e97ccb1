package dev.orchestrator.childprocess;

import dev.orchestrator.config.ChildOptions;
import dev.orchestrator.config.UnixSignals;
import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A running child process as supervised work: {@link #run} waits for its end, signals reach it (or its process
 * group, which it leads) through {@link Kill}. Its exit is reported as Python's {@code Popen.returncode}: the exit
 * status, or minus the signal that killed it. The JDK reports a death by signal N as status 128+N, so a status
 * above 128 is read as a signal (a shell reports both alike); docs/supervision.md.
 */
final class ChildProcess implements Worker {

    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);
    private static final int SIGNALLED = 128;

    private final Process process;
    private final ChildOptions options;

    ChildProcess(Process process, ChildOptions options) {
        this.process = process;
        this.options = options;
    }

    @Override
    public int run() throws InterruptedException {
        int status = process.waitFor();
        return status > SIGNALLED && status <= SIGNALLED + UnixSignals.MAX ? -(status - SIGNALLED) : status;
    }

    /** The stop signal ({@code stopsignal}), to the process group with {@code stopasgroup}. */
    @Override
    public void requestStop() {
        send(options.stopsignal(), options.stopasgroup());
    }

    /** SIGKILL, to the process group with {@code killasgroup}. */
    @Override
    public void abort() {
        send(UnixSignals.KILL, options.killasgroup());
    }

    @Override
    public void signal(int number, String name) throws Fault {
        try {
            Kill.send(process.toHandle(), number, options.stopasgroup());
        } catch (IOException e) {
            throw new Fault(Fault.Code.FAILED, name + ": " + e.getMessage());
        }
    }

    /**
     * To the pipe the child reads as its standard input (kept open from the spawn, as supervisord's); one writer at
     * a time. A child that closed it (or ended): NO_FILE, supervisord's answer to EPIPE.
     */
    @Override
    public synchronized void write(byte[] chars, String name) throws Fault {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write(chars);
            stdin.flush();
        } catch (IOException e) {
            throw new Fault(Fault.Code.NO_FILE, name);
        }
    }

    @Override
    public boolean killable() { return true; }

    @Override
    public long pid() { return process.pid(); }

    @Override
    public Map<String, Object> counters() { return Map.of(); }

    private void send(int number, boolean group) {
        try {
            Kill.send(process.toHandle(), number, group);
        } catch (IOException e) {
            LOG.error("cannot send {} to pid {}: {}", UnixSignals.name(number), process.pid(), e.getMessage());
        }
    }
}
