package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** amqp.conf [master] and the broker resolution order: --amqp-uri, ORCHESTRATOR_AMQP_URI, amqp.conf, embedded. */
class AmqpSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void noAmqpConfMeansTheEmbeddedBroker() {
        Configuration c = new ConfigTree(tmp).single("");
        assertTrue(c.amqp().embedded());
        assertNull(c.amqp().uri());
        assertEquals("canopsis.events", c.amqp().eventsExchange());
        assertEquals("amqp://h:1/v", AmqpSettings.resolve("amqp://h:1/v", c).uri());
        assertEquals(c.amqp(), AmqpSettings.resolve(null, c));
    }

    @Test
    void amqpConfGivesAnEncodedUri() {
        Configuration c = new ConfigTree(tmp).file("etc/amqp.conf", """
                [master]
                host=rabbit.local
                port=5673
                userid=can opsis
                password=p@ss:w/rd
                virtual_host=/
                exchange_name=acme
                """).single("");
        assertEquals(List.of(), c.problems());
        assertEquals(new AmqpSettings("amqp://can%20opsis:p%40ss%3Aw%2Frd@rabbit.local:5673/%2F", "acme"), c.amqp());
        assertEquals("acme.alerts", c.amqp().alertsExchange());
        assertEquals(new AmqpSettings("amqp://x", "acme"), AmqpSettings.resolve("amqp://x", c));
    }

    @Test
    void amqpConfDefaultsAreCanopsisOnes() {
        Configuration c = new ConfigTree(tmp).file("etc/amqp.conf", "[master]\n").single("");
        assertEquals(new AmqpSettings("amqp://guest:guest@localhost:5672/canopsis", "canopsis"), c.amqp());
    }

    @Test
    void environmentWinsOverAmqpConf() {
        ConfigTree tree = new ConfigTree(tmp, Map.of(AmqpSettings.URI_ENV, "amqp://env:5672/%2F"));
        Configuration c = tree.file("etc/amqp.conf", "[master]\nexchange_name=x\n").single("");
        assertEquals(new AmqpSettings("amqp://env:5672/%2F", "x"), c.amqp());
        assertEquals("amqp://cli", AmqpSettings.resolve("amqp://cli", c).uri());
    }

    @Test
    void badAmqpConf() {
        Configuration c = new ConfigTree(tmp).file("etc/amqp.conf", "[master]\nport=http\nhots=x\n").single("");
        assertEquals(2, c.problems().size(), c.problems()::toString);
        Problem port = c.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst()
                .orElseThrow();
        assertEquals(tmp.resolve("etc/amqp.conf"), port.source().file());
        assertEquals(2, port.source().line());
        Configuration noMaster = new ConfigTree(tmp).file("etc/amqp.conf", "[slave]\n").single("");
        assertTrue(noMaster.amqp().embedded());
        assertEquals(1, noMaster.problems().size());
    }
}
