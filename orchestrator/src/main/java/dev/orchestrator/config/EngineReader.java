package dev.orchestrator.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@code [engine:NAME]} section (Canopsis' amqp2engines.conf), with the launcher's typed keys, our
 * {@code prefetch}, {@code queue_type} and {@code queue_arguments}, and every other key kept as a task parameter. List values are
 * trimmed and empty items dropped. As Python 2's ConfigParser did, a value is expanded only when it holds
 * {@code %(}; the names are {@code here} and {@code ENV_*}.
 */
final class EngineReader {

    static final String PREFIX = "engine:";

    static final Set<String> TYPED = Set.of("next", "next_balanced", "beat_interval", "exchange_name",
            "routing_keys", "event_processing", "beat_processing", "max_retries", "prefetch", "max_event_bytes", "queue_type",
            "queue_arguments");

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final Map<String, Object> names;
    private final Problems problems;
    private final QueueType defaultQueueType;

    /** {@code defaultQueueType}: amqp.conf's {@code [master] queue_type}, for sections without their own. */
    EngineReader(Map<String, Object> names, Problems problems, QueueType defaultQueueType) {
        this.names = names;
        this.problems = problems;
        this.defaultQueueType = defaultQueueType;
    }

    EngineConfig read(IniSection section, String name) {
        SectionValues v = new SectionValues(section, problems);
        Map<String, String> values = new HashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Source> sources = new HashMap<>();
        for (IniEntry e : section.entries()) {
            String value = e.value().contains("%(") ? v.expanded(e.key(), null, names) : e.value();
            if (value == null) continue;
            sources.put(e.key(), e.source());
            if (TYPED.contains(e.key())) values.put(e.key(), value);
            else params.put(e.key(), value);
        }
        return new EngineConfig(name,
                list(values.get("next")),
                parse(v, values, "next_balanced", SupervisorTypes::bool, false),
                parse(v, values, "beat_interval", EngineReader::nonNegative, EngineConfig.DEFAULT_BEAT_INTERVAL),
                blankToDefault(values.get("exchange_name"), EngineConfig.DEFAULT_EXCHANGE),
                list(values.get("routing_keys")),
                blankToDefault(values.get("event_processing"), null),
                blankToDefault(values.get("beat_processing"), null),
                parse(v, values, "max_retries", EngineReader::nonNegative, EngineConfig.DEFAULT_MAX_RETRIES),
                parse(v, values, "prefetch", EngineReader::positive, EngineConfig.DEFAULT_PREFETCH),
                parse(v, values, "max_event_bytes", EngineReader::eventBytes, EngineConfig.DEFAULT_MAX_EVENT_BYTES),
                parse(v, values, "queue_type", QueueType::parse, defaultQueueType),
                parse(v, values, "queue_arguments", EngineReader::queueArguments, Map.of()),
                Map.copyOf(params), section.source(), Map.copyOf(sources));
    }

    private static <T> T parse(SectionValues v, Map<String, String> values, String key,
                               SectionValues.Parser<T> parser, T dflt) {
        String value = values.get(key);
        return value == null ? dflt : v.parse(key, value, parser).orElse(dflt);
    }

    /** A comma list, trimmed, empty items dropped. */
    static List<String> list(String value) {
        if (value == null) return List.of();
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToDefault(String value, String dflt) {
        return value == null || value.isBlank() ? dflt : value.strip();
    }

    private static int nonNegative(String value) throws InvalidValueException {
        int n = SupervisorTypes.integer(value);
        if (n < 0) throw new InvalidValueException("negative value " + n + " (expected 0 or more)");
        return n;
    }

    /** A byte size (supervisord's {@code 512KB}, {@code 1MB}) from 1 to RabbitMQ's largest message. */
    private static int eventBytes(String value) throws InvalidValueException {
        long n = SupervisorTypes.byteSize(value);
        if (n < 1 || n > EngineConfig.MAX_EVENT_BYTES_LIMIT) {
            throw new InvalidValueException("value " + n + " out of range (expected 1 to "
                    + EngineConfig.MAX_EVENT_BYTES_LIMIT + " bytes, e.g. 512KB)");
        }
        return (int) n;
    }

    private static int positive(String value) throws InvalidValueException {
        int n = SupervisorTypes.integer(value);
        if (n < 1) throw new InvalidValueException("value " + n + " is not positive (expected 1 or more)");
        return n;
    }

    /** {@code k=v,k2=v2}; integers become Integer or Long, true/false Boolean, the rest strings. */
    static Map<String, Object> queueArguments(String value) throws InvalidValueException {
        Map<String, Object> args = new LinkedHashMap<>();
        for (String item : list(value)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || item.substring(0, eq).isBlank()) {
                throw new InvalidValueException("bad queue argument " + PyFormat.repr(item)
                        + " (expected a comma list of key=value, e.g. x-queue-type=quorum,x-max-length=10000)");
            }
            args.put(item.substring(0, eq).strip(), typed(item.substring(eq + 1).strip()));
        }
        return Map.copyOf(args);
    }

    private static Object typed(String value) {
        if (INTEGER.matcher(value).matches()) {
            try {
                long n = Long.parseLong(value);
                return n == (int) n ? (Object) (int) n : (Object) n;
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.parseBoolean(value);
        return value;
    }
}
