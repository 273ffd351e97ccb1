package dev.orchestrator.cli;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.feed.EventFile;
import dev.orchestrator.feed.EventPublisher;
import dev.orchestrator.feed.EventSource;
import dev.orchestrator.feed.Feeder;
import dev.orchestrator.feed.Progress;
import dev.orchestrator.feed.SampleEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code feed}: publishes realistic Canopsis events (or the lines of a JSON-lines file) to the events exchange, with
 * publisher confirms, a progress bar on a terminal and a one-line summary. The broker is the daemon's: {@code --amqp-uri},
 * else {@code ORCHESTRATOR_AMQP_URI}, else {@code amqp.conf}, else the embedded broker's default address.
 * Exit status 0 when every event was confirmed and none was unroutable or skipped, 1 otherwise, 2 on bad arguments.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Publish sample Canopsis events (or a file's, one JSON object a line) to canopsis.events.",
        "  feed --count 10000            10000 sample events, as fast as confirms allow",
        "  feed --rate 500 --count 3000  at 500 events a second",
        "  feed --file events.jsonl      the file's events"})
final class FeedCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000",
            description = "How many sample events (default ${DEFAULT-VALUE}); with --file, at most that many lines' events.")
    long count;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Events per second; 0 (default) publishes as fast as the confirm window allows.")
    double rate;

    @Option(names = "--file", paramLabel = "FILE", description = "Publish the events of this file, one JSON object a line.")
    Path file;

    @Option(names = "--exchange", paramLabel = "NAME",
            description = "The exchange to publish to (default: the configuration's events exchange, canopsis.events).")
    String exchange;

    @Option(names = "--amqp-uri", paramLabel = "URI", description = "The broker (default: $" + AmqpSettings.URI_ENV
            + ", else amqp.conf, else the embedded broker).")
    String amqpUri;

    @Option(names = "--window", paramLabel = "N", defaultValue = "" + EventPublisher.DEFAULT_WINDOW,
            description = "Unconfirmed events allowed in flight (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the sample events (default: random).")
    Long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0) throw new ParameterException(spec.commandLine(), "--count must be 0 or more, not " + count);
        if (rate < 0) throw new ParameterException(spec.commandLine(), "--rate must be 0 or more, not " + rate);
        if (window < 1) throw new ParameterException(spec.commandLine(), "--window must be 1 or more, not " + window);
        if (file != null && !Files.isReadable(file)) throw new ParameterException(spec.commandLine(), file + ": no such readable file");
        Configuration configuration = config.load();
        if (config.file != null && !Files.isRegularFile(configuration.mainFile())) {
            throw new ParameterException(spec.commandLine(), configuration.mainFile() + ": no such configuration file");
        }
        AmqpSettings settings = AmqpSettings.resolve(amqpUri, configuration);
        String target = exchange != null ? exchange : settings.eventsExchange();
        try (BrokerConnector broker = new BrokerConnector(settings)) {
            var connection = broker.connect("orchestrator-feed");
            try (connection; EventPublisher publisher = new EventPublisher(connection, target, window);
                 EventSource source = source(err)) {
                long total = file == null ? count : 0;
                Progress progress = System.console() != null ? new Progress(System.err, total) : null;
                Feeder.Summary summary = new Feeder(publisher, rate).feed(source, progress);
                out.println(summary);
                out.flush();
                return summary.complete() ? 0 : 1;
            }
        } catch (BrokerException | IOException e) {
            err.println("feed: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private EventSource source(PrintWriter err) throws IOException {
        if (file == null) return EventSource.of(new SampleEvents(seed != null ? seed : System.nanoTime()), count);
        EventFile events = new EventFile(file, line -> {
            err.println(line);
            err.flush();
        });
        if (!spec.commandLine().getParseResult().hasMatchedOption("--count")) return events;
        return EventSource.limit(events, count);
    }
}
