package dev.orchestrator.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Path prefix to handler, the seam where each HTTP feature mounts itself (as supervisord's medusa handlers match
 * {@code request.uri.startswith(path)}): the longest registered prefix of a request's path wins. Handlers may be
 * added while the server runs.
 */
public final class Routes {

    private final ConcurrentSkipListMap<String, HttpHandler> byPrefix = new ConcurrentSkipListMap<>();

    /** Serves every path that starts with {@code prefix} (which starts with {@code /}) and no longer prefix. */
    public Routes add(String prefix, HttpHandler handler) {
        if (!prefix.startsWith("/")) throw new IllegalArgumentException("a route starts with '/': " + prefix);
        if (byPrefix.putIfAbsent(prefix, handler) != null) {
            throw new IllegalArgumentException("route " + prefix + " is already taken");
        }
        return this;
    }

    /** The handler of the longest prefix of {@code path}. */
    public Optional<HttpHandler> find(String path) {
        for (Map.Entry<String, HttpHandler> e = byPrefix.floorEntry(path); e != null;
             e = byPrefix.lowerEntry(e.getKey())) {
            if (path.startsWith(e.getKey())) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }
}
