package dev.orchestrator.control.server;

import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.ProcessRow;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;

import dev.orchestrator.control.protocol.Version;
import dev.orchestrator.http.Acceptor;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.ConfigChanges;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.PriorityOrder;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The daemon side of each control method: resolves names, calls the {@link Supervisor} and writes the reply lines.
 * Multi-process start and stop act on every process at once, in priority order, like supervisord's
 * {@code startAllProcesses} (a start in one step of the supervisor, {@link Supervisor#startProcesses}; a stop with a
 * thread per process), and report the outcomes in that order once each is known (the same lines every run).
 * The control socket and the REST API both answer through it.
 */
public final class ControlService {

    /** How long {@code tail -f} sleeps when the file has nothing new, and how often it says it is alive. */
    static final long FOLLOW_POLL_MS = 200;
    private static final int KEEP_ALIVE_POLLS = 5;

    private final Supervisor supervisor;
    private final PipelineRequests pipeline;

    /** {@code pipeline} may be null (no broker view): its methods then fail. */
    public ControlService(Supervisor supervisor, Pipeline pipeline) {
        this.supervisor = supervisor;
        this.pipeline = new PipelineRequests(pipeline);
    }

    /** Answers one request; a fault or bad parameter becomes the error line. Throws only when the client is gone. */
    public void handle(Request request, ReplySink out) throws IOException {
        Reply last;
        try {
            last = dispatch(request, out);
        } catch (Fault f) {
            last = Reply.error(f.code().name(), detail(f));
        } catch (IllegalArgumentException e) {
            last = Reply.error("INCORRECT_PARAMETERS", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            last = Reply.error("FAILED", "interrupted");
        }
        out.send(last);
    }

    private Reply dispatch(Request r, ReplySink out) throws Fault, IOException, InterruptedException {
        String method = r.method() == null ? "" : r.method();
        return switch (method) {
            case "version" -> Reply.result(Map.of("version", Version.get()));
            case "pid" -> Reply.result(Map.of("pid", supervisor.pid()));
            case "status" -> status(r);
            case "start" -> control(r, out, p -> p.state() != ProcessState.RUNNING, p -> () -> start(p, r.awaitOrDefault()),
                    this::startAll);
            case "stop" -> control(r, out, p -> p.state().isRunning(),
                    p -> () -> supervisor.stopProcess(p.group(), p.name(), r.awaitOrDefault()));
            case "signal" -> {
                if (r.signal() == null || r.signal().isBlank()) throw new IllegalArgumentException("no signal given");
                // supervisord's SIGNALLABLE_STATES (supervisor/states.py): a process in BACKOFF has nothing to signal
                yield control(r, out, p -> p.state() == ProcessState.STARTING || p.state() == ProcessState.RUNNING
                                || p.state() == ProcessState.STOPPING,
                        p -> () -> supervisor.signalProcess(p.group(), p.name(), r.signal()));
            }
            case "stdin" -> stdin(r);
            case "add" -> eachGroup(r, out, supervisor::addProcessGroup);
            case "remove" -> eachGroup(r, out, supervisor::removeProcessGroup);
            case "clear" -> clear(r, out);
            case "tail" -> tail(r, out);
            case "maintail" -> {
                Path log = supervisor.logfile();
                if (log == null) yield Reply.error("NO_FILE", "no log file");
                yield send(log, r, out);
            }
            case "avail" -> Reply.result(Map.of("config", supervisor.allConfigInfo()));
            case "reread" -> Reply.result(changes(supervisor.reloadConfig()));
            case "update" -> new ConfigUpdate(supervisor, out).apply(r.namesOrEmpty());
            case "reload" -> {
                supervisor.restart();
                yield Reply.result(Map.of());
            }
            case "pipeline" -> pipeline.pipeline();
            case "errors" -> pipeline.errors(r);
            case "replay" -> pipeline.replay(r);
            case "shutdown" -> {
                supervisor.shutdown();
                yield Reply.result(Map.of());
            }
            default -> Reply.error("UNKNOWN_METHOD", "unknown method '" + method + "'");
        };
    }

    /**
     * The processes named (all when none is), whole with their live counters or, for a brief request, as
     * {@link ProcessRow}s (without counting any).
     */
    private Reply status(Request r) {
        boolean brief = Boolean.TRUE.equals(r.brief());
        if (r.namesOrEmpty().isEmpty()) {
            List<ProcessInfo> all = brief ? supervisor.allProcessInfo() : supervisor.liveProcessInfo();
            return statusReply(all, List.of(), brief);
        }
        NameResolver.Resolution res = new NameResolver(supervisor.allProcessInfo()).resolve(r.names());
        List<ProcessInfo> found = new ArrayList<>();
        for (NameResolver.Target t : res.targets()) { // live counters of the processes named only
            ProcessInfo p = t.process();
            try {
                found.add(brief ? p : supervisor.liveProcessInfo(p.group(), p.name()));
            } catch (Fault gone) {
                // removed since it was resolved: no longer there to show
            }
        }
        return statusReply(found, res.unknown(), brief);
    }

    private static Reply statusReply(List<ProcessInfo> found, List<Outcome> unknown, boolean brief) {
        List<?> processes = brief ? found.stream().map(ProcessRow::of).toList() : found;
        return Reply.result(Map.of("processes", processes, "unknown", unknown));
    }

    /** {@code fg}'s input: {@code chars} to the standard input of the one process named (a group spec is refused). */
    private Reply stdin(Request r) throws Fault {
        if (r.chars() == null) throw new IllegalArgumentException("no chars given");
        if (r.namesOrEmpty().size() != 1) throw new IllegalArgumentException("stdin takes exactly one process name");
        ProcessInfo p;
        try {
            p = single(r.names().get(0));
        } catch (NameResolver.UnresolvedName e) {
            throw new Fault(Fault.Code.BAD_NAME, e.getMessage());
        }
        supervisor.sendProcessStdin(p.group(), p.name(), r.chars().getBytes(StandardCharsets.UTF_8));
        return Reply.result(Map.of());
    }

    /** One start or stop call on a process. */
    @FunctionalInterface
    private interface Call {
        void run() throws Fault;
    }

    /** Calls awaited on processes, begun together; each one's outcome as a future, in the targets' order. */
    @FunctionalInterface
    private interface Awaited {
        List<CompletableFuture<Outcome>> begin(List<ProcessInfo> targets, ExecutorService threads);
    }

    /** {@code call} on each target; awaited, each on a thread of its own. */
    private Reply control(Request r, ReplySink out, Predicate<ProcessInfo> wantedInGroup,
                          Function<ProcessInfo, Call> call) throws IOException, InterruptedException {
        return control(r, out, wantedInGroup, call, (targets, threads) -> targets.stream()
                .map(p -> onThread(p, call.apply(p), threads)).toList());
    }

    private Reply control(Request r, ReplySink out, Predicate<ProcessInfo> wantedInGroup,
                          Function<ProcessInfo, Call> call, Awaited awaited) throws IOException, InterruptedException {
        NameResolver.Resolution res = resolve(r);
        for (Outcome unknown : res.unknown()) out.send(Reply.item(unknown));
        List<ProcessInfo> targets = res.targets().stream()
                .filter(t -> t.explicit() || wantedInGroup.test(t.process()))
                .map(NameResolver.Target::process)
                .sorted(PriorityOrder.of(supervisor))
                .toList();
        if (!r.awaitOrDefault()) {
            for (ProcessInfo p : targets) out.send(Reply.item(attempt(p, call.apply(p))));
            return Reply.result(Map.of());
        }
        ExecutorService calls = Executors.newCachedThreadPool(Acceptor.threads("control-call"));
        try {
            for (CompletableFuture<Outcome> outcome : awaited.begin(targets, calls)) {
                out.send(Reply.item(outcome.get()));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            calls.shutdown();
        }
        return Reply.result(Map.of());
    }

    private static CompletableFuture<Outcome> onThread(ProcessInfo p, Call call, ExecutorService threads) {
        return CompletableFuture.supplyAsync(() -> attempt(p, call), threads);
    }

    /**
     * An awaited start: the processes not under way all in one step of the supervisor
     * ({@link Supervisor#startProcesses}), those under way (STARTING, BACKOFF) each awaited on a thread by
     * {@link #start}.
     */
    private List<CompletableFuture<Outcome>> startAll(List<ProcessInfo> targets, ExecutorService threads) {
        List<ProcessInfo> fresh = targets.stream().filter(p -> !underWay(p)).toList();
        Iterator<CompletableFuture<Fault>> started;
        try {
            started = supervisor.startProcesses(fresh).iterator();
        } catch (Fault f) {
            started = fresh.stream().map(p -> CompletableFuture.completedFuture(f)).iterator();
        }
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(targets.size());
        for (ProcessInfo p : targets) {
            outcomes.add(underWay(p) ? onThread(p, () -> start(p, true), threads)
                    : started.next().thenApply(f -> f == null ? Outcome.ok(p.namespec()) : failed(p, f)));
        }
        return outcomes;
    }

    private static boolean underWay(ProcessInfo p) {
        return p.state() == ProcessState.STARTING || p.state() == ProcessState.BACKOFF;
    }

    /**
     * Starts {@code p}; one already STARTING or in BACKOFF is awaited instead (with {@code wait}) until RUNNING or
     * given up, so that {@code start} reports every process that did not reach RUNNING (supervisord answers
     * {@code already started} and exits 0 for a process in BACKOFF that then goes FATAL).
     */
    private void start(ProcessInfo p, boolean wait) throws Fault {
        if (!wait || !underWay(p)) {
            supervisor.startProcess(p.group(), p.name(), wait);
            return;
        }
        ProcessState state = p.state();
        while (state == ProcessState.STARTING || state == ProcessState.BACKOFF) {
            try {
                Thread.sleep(FOLLOW_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Fault(Fault.Code.FAILED, "interrupted while waiting for " + p.namespec());
            }
            state = supervisor.processInfo(p.group(), p.name()).state();
        }
        if (state != ProcessState.RUNNING) throw new Fault(Fault.Code.SPAWN_ERROR, p.namespec());
    }

    /** One change of a process group, by its name. */
    @FunctionalInterface
    private interface GroupCall {
        void run(String group) throws Fault;
    }

    /** {@code add} and {@code remove}: the call on each group named, one outcome each, in the order given. */
    private Reply eachGroup(Request r, ReplySink out, GroupCall call) throws IOException {
        if (r.namesOrEmpty().isEmpty()) throw new IllegalArgumentException("a group name is required");
        for (String group : r.names()) {
            try {
                call.run(group);
                out.send(Reply.item(Outcome.ok(group)));
            } catch (Fault f) {
                out.send(Reply.item(Outcome.failed(group, f.code().name(), detail(f))));
            }
        }
        return Reply.result(Map.of());
    }

    private Reply clear(Request r, ReplySink out) throws IOException {
        NameResolver.Resolution res = resolve(r);
        for (Outcome unknown : res.unknown()) out.send(Reply.item(unknown));
        for (NameResolver.Target t : res.targets()) {
            ProcessInfo p = t.process();
            out.send(Reply.item(attempt(p, () -> supervisor.clearProcessLogs(p.group(), p.name()))));
        }
        return Reply.result(Map.of());
    }

    private Reply tail(Request r, ReplySink out) throws IOException, InterruptedException {
        if (r.namesOrEmpty().size() != 1) throw new IllegalArgumentException("tail takes exactly one process name");
        String channel = r.channel() == null ? "stdout" : r.channel();
        ProcessInfo p;
        try {
            p = single(r.names().get(0));
        } catch (NameResolver.UnresolvedName e) {
            return Reply.error("BAD_NAME", e.outcome().message());
        }
        String file = switch (channel) {
            case "stdout" -> p.stdoutLogfile();
            case "stderr" -> p.stderrLogfile();
            default -> throw new IllegalArgumentException("bad channel '" + channel + "'");
        };
        if (file == null || file.isBlank()) return Reply.error("NO_FILE", "no log file");
        return send(Path.of(file), r, out);
    }

    /** The last {@code bytes} of {@code file}, then with {@code follow} what is appended until the client goes. */
    private Reply send(Path file, Request r, ReplySink out) throws IOException, InterruptedException {
        LogTail log = new LogTail(file, r.bytes() == null ? 1600 : Math.max(0, r.bytes()));
        for (String chunk = log.read(); !chunk.isEmpty(); chunk = log.read()) out.send(Reply.data(chunk));
        if (!Boolean.TRUE.equals(r.follow())) return Reply.result(Map.of());
        int idle = 0;
        while (!Thread.currentThread().isInterrupted()) {
            String chunk = log.read();
            if (!chunk.isEmpty()) {
                out.send(Reply.data(chunk));
                idle = 0;
            } else {
                if (++idle % KEEP_ALIVE_POLLS == 0) out.send(Reply.KEEP_ALIVE);
                Thread.sleep(FOLLOW_POLL_MS);
            }
        }
        throw new InterruptedException();
    }

    /** The one process {@code name} designates ({@link NameResolver#single}). */
    private ProcessInfo single(String name) throws NameResolver.UnresolvedName {
        return new NameResolver(supervisor.allProcessInfo()).single(name);
    }

    private NameResolver.Resolution resolve(Request r) {
        if (r.namesOrEmpty().isEmpty()) throw new IllegalArgumentException("a process name is required");
        return new NameResolver(supervisor.allProcessInfo()).resolve(r.names());
    }

    private static Outcome attempt(ProcessInfo p, Call call) {
        try {
            call.run();
            return Outcome.ok(p.namespec());
        } catch (Fault f) {
            return failed(p, f);
        } catch (RuntimeException e) {
            return Outcome.failed(p.namespec(), Fault.Code.FAILED.name(), String.valueOf(e.getMessage()));
        }
    }

    private static Outcome failed(ProcessInfo p, Fault f) {
        return Outcome.failed(p.namespec(), f.code().name(), detail(f));
    }

    /** The fault's text without its {@code CODE: } prefix. */
    static String detail(Fault f) {
        String prefix = f.code().name() + ": ";
        String m = f.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m.equals(f.code().name()) ? "" : m;
    }

    /** The changes as the reply's map: {@code added}, {@code changed}, {@code removed} group names. */
    static Map<String, List<String>> changes(ConfigChanges changes) {
        return Map.of("added", changes.added(), "changed", changes.changed(), "removed", changes.removed());
    }

    /** Group names of the running configuration, in order. */
    static Set<String> groups(List<ProcessInfo> processes) {
        Set<String> groups = new LinkedHashSet<>();
        processes.forEach(p -> groups.add(p.group()));
        return groups;
    }

    /** The processes of one group. */
    static List<ProcessInfo> members(List<ProcessInfo> processes, String group) {
        List<ProcessInfo> members = new ArrayList<>();
        for (ProcessInfo p : processes) if (p.group().equals(group)) members.add(p);
        return members;
    }
}
