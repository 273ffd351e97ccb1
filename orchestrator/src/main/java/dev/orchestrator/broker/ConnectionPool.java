package dev.orchestrator.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The daemon's AMQP connections, as RabbitMQ recommends: a connection per engine, shared by its workers, each of
 * which opens a channel on it, and never more than {@code limit} connections in all, whatever the configuration: past
 * the limit, engines share the connections round-robin. A connection is named after its engines
 * ({@code orchestrator: cleaner_events, event_filter}); it opens when a worker first needs it, and closes when its
 * last channel is released. One that died (a broker restart, {@code close_connection}) takes all its channels with
 * it; each worker sees its channel's shutdown, and the next {@link #lease} opens a new connection.
 *
 * <p>What the workers of an engine all declare (its queues, exchanges and bindings) is declared once on a connection
 * ({@link Lease#once}), not once per worker: each declaration is a round trip, and on RabbitMQ a binding is a
 * transaction of its metadata store, so 1,000 workers declaring their engine's topology each cost the broker and
 * the start-up four times what 250 engines need.
 */
public final class ConnectionPool {

    /** The default {@code limit}: a few connections however many engines (the broker spends a file descriptor and
     *  two Erlang processes on each; a shared RabbitMQ has 1,024 descriptors by default). */
    public static final int DEFAULT_LIMIT = 8;
    private static final int NAME_LENGTH = 200;

    private final Function<String, Connection> opener;
    private final int limit;
    private final Map<String, Slot> slotOfEngine = new HashMap<>();
    private final List<Slot> slots = new ArrayList<>();

    /** Connections opened by {@code opener} (given the connection's name), at most {@code limit} at once. */
    public ConnectionPool(Function<String, Connection> opener, int limit) {
        if (limit < 1) throw new IllegalArgumentException("the connection limit must be at least 1, not " + limit);
        this.opener = opener;
        this.limit = limit;
    }

    /**
     * A share of {@code engine}'s connection, opened if needed; {@link Lease#release} it when its channel is done.
     *
     * @throws BrokerException when the connection cannot be opened
     */
    public Lease lease(String engine) {
        Slot slot;
        synchronized (this) {
            slot = slotOfEngine.computeIfAbsent(engine, e -> {
                if (slots.size() < limit) slots.add(new Slot());
                Slot s = slots.get(slotOfEngine.size() % limit);
                synchronized (s) {
                    s.engines.add(e);
                }
                return s;
            });
        }
        return slot.lease();
    }

    /** How many connections are open now. */
    public synchronized int openConnections() {
        return (int) slots.stream().filter(Slot::isOpen).count();
    }

    /** One connection of the pool and the leases on it (locks: the pool's, then a slot's, never the other way). */
    private final class Slot {
        final List<String> engines = new ArrayList<>();
        private Connection connection;
        private int leases;

        private Declared declared;

        synchronized Lease lease() {
            if (connection == null || !connection.isOpen()) {
                if (connection != null) connection.abort(1_000);
                connection = opener.apply(name());
                declared = new Declared();
                leases = 0;
            }
            leases++;
            return new Lease(this, connection, declared);
        }

        synchronized void release(Connection leased) {
            if (leased != connection) return;
            if (--leases == 0) {
                connection.abort(2_000);
                connection = null;
            }
        }

        private String name() {
            String name = "orchestrator: " + String.join(", ", engines);
            return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 3) + "...";
        }

        synchronized boolean isOpen() {
            return connection != null && connection.isOpen();
        }
    }

    /** A declaration on a channel, which may fail as the broker's answer does. */
    @FunctionalInterface
    public interface Declaration {
        void declare() throws IOException;
    }

    /** What has been declared on one connection (a new connection starts with nothing), by key. */
    private static final class Declared {
        private final Map<String, Object> locks = new ConcurrentHashMap<>();
        private final Set<String> done = ConcurrentHashMap.newKeySet();

        void once(String key, Declaration declaration) throws IOException {
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                if (done.contains(key)) return;
                declaration.declare();
                done.add(key);
            }
        }

        void forget(String key) {
            done.remove(key);
        }
    }

    /** A worker's share of a connection: it opens its channels there and releases the share when done. */
    public static final class Lease {
        private final Slot slot;
        private final Connection connection;
        private final Declared declared;
        private boolean released;

        private Lease(Slot slot, Connection connection, Declared declared) {
            this.slot = slot;
            this.connection = connection;
            this.declared = declared;
        }

        /**
         * Runs {@code declaration} unless one with the same {@code key} succeeded on this connection and was not
         * {@link #forget forgotten} since; callers with the same key wait for the one declaring. A failed declaration
         * is tried again by the next caller.
         */
        public void once(String key, Declaration declaration) throws IOException {
            declared.once(key, declaration);
        }

        /** The next {@link #once} of {@code key} declares again (what it declared may be gone: a queue deleted). */
        public void forget(String key) {
            declared.forget(key);
        }

        /**
         * A new channel on the shared connection.
         *
         * @throws IOException when the broker refuses it, or has no channel number left on the connection
         */
        public Channel createChannel() throws IOException {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new IOException("no channel left on connection '" + connection.getClientProvidedName()
                        + "' (the broker's channel_max is " + connection.getChannelMax() + ")");
            }
            return channel;
        }

        /** Gives the share back: the connection closes with its last share. */
        public void release() {
            synchronized (slot) {
                if (released) return;
                released = true;
            }
            slot.release(connection);
        }
    }
}
