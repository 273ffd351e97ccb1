package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queue_type} per engine, its default from amqp.conf's [master], and a cluster's nodes in {@code host}. */
class QueueTypeTest {

    @TempDir
    Path tmp;

    private static final String PROGRAMS = """
            [program:a]
            command=engine-launcher -e dynamic -n a -w 0
            [program:b]
            command=engine-launcher -e dynamic -n b -w 0
            [program:c]
            command=engine-launcher -e dynamic -n c -w 0
            """;

    @Test
    void classicUnlessSaidOtherwise() {
        Configuration c = new ConfigTree(tmp).single("[engine:a]\nqueue_type=Quorum\n[engine:b]\n" + PROGRAMS);
        assertEquals(QueueType.QUORUM, c.engines().get("a").queueType());
        assertEquals(QueueType.CLASSIC, c.engines().get("b").queueType());
        assertEquals(QueueType.CLASSIC, c.engines().get("c").queueType(), "an engine without a section");
    }

    @Test
    void amqpConfSetsTheDefaultOfEveryEngineAndASectionOverridesIt() {
        Configuration c = new ConfigTree(tmp).file("etc/amqp.conf", "[master]\nqueue_type=quorum\n")
                .single("[engine:a]\nqueue_type=classic\n[engine:b]\n" + PROGRAMS);
        assertEquals(List.of(), ConfigTree.errors(c));
        assertEquals(QueueType.CLASSIC, c.engines().get("a").queueType());
        assertEquals(QueueType.QUORUM, c.engines().get("b").queueType());
        assertEquals(QueueType.QUORUM, c.engines().get("c").queueType(), "an engine without a section");
    }

    @Test
    void anUnknownTypeIsAnErrorWithFileAndLine() {
        Configuration c = new ConfigTree(tmp).single("[engine:a]\nqueue_type=stream\n" + PROGRAMS);
        Problem error = onlyError(c, "invalid queue_type 'stream' (expected classic or quorum)");
        assertEquals(2, error.source().line());
    }

    @Test
    void hostListsTheNodesOfACluster() {
        Configuration c = new ConfigTree(tmp).file("etc/amqp.conf", """
                [master]
                host=n1, n2,n3
                port=5701
                virtual_host=v
                """).single("");
        assertEquals("amqp://guest:guest@n1:5701/v,amqp://guest:guest@n2:5701/v,amqp://guest:guest@n3:5701/v",
                c.amqp().uri());
    }
}
