package dev.orchestrator.chaos.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.Task;
import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.api.TaskRegistry;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.Logger;

/**
 * The faulty tasks of the chaos scenarios, a task library like any plugin (ServiceLoader, on the daemon's plugins
 * path): {@value #CHECK} passes events on, except that an event with {@code chaos_throw} makes it throw (poison) and
 * one with {@code chaos_block} blocks worker 0 forever (a stuck task; another worker passes it on without the
 * mark), {@code chaos_oom} runs the JVM out of memory, {@code chaos_recurse} overflows the stack and
 * {@code chaos_exit} calls {@code System.exit(3)}. Engine type {@value #FAILING} fails at every start.
 */
public final class ChaosTasks implements TaskLibrary {

    public static final String CHECK = "chaos.check";
    public static final String FAILING = "chaos_failing";
    public static final String THROW = "chaos_throw";
    public static final String BLOCK = "chaos_block";
    public static final String OOM = "chaos_oom";
    public static final String RECURSE = "chaos_recurse";
    public static final String EXIT = "chaos_exit";

    @Override
    public void register(TaskRegistry registry) {
        TaskLibrary.super.register(registry);
        registry.registerEngineType(FAILING, context -> {
            throw new IllegalStateException("chaos: engine " + context.name() + " fails at every start");
        });
    }

    @Task(CHECK)
    public static ObjectNode check(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
        if (event.path(THROW).asBoolean()) {
            throw new IllegalArgumentException("chaos: poison event " + event.path("chaos_id").asLong());
        }
        if (event.path(OOM).asBoolean()) {
            logger.warn("chaos: out of memory on event {}: {} longs", event.path("chaos_id").asLong(),
                    new long[Integer.MAX_VALUE - 16].length); // the JVM refuses the array at once: OutOfMemoryError
        }
        if (event.path(RECURSE).asBoolean()) {
            return recurse(event);
        }
        if (event.path(EXIT).asBoolean()) {
            System.exit(3);
        }
        if (event.path(BLOCK).asBoolean()) {
            if (engine.worker() == 0) {
                logger.warn("chaos: blocking forever on event {}", event.path("chaos_id").asLong());
                while (true) LockSupport.park(); // deaf to interrupts: a thread that cannot be stopped
            }
            event.remove(BLOCK); // passed by another worker: the next engines see a normal event
        }
        return null;
    }

    private static ObjectNode recurse(ObjectNode event) {
        return recurse(event).put("depth", 1);
    }
}
