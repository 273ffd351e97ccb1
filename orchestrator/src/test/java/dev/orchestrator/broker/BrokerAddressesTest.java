package dev.orchestrator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster's nodes as a comma-separated list of URIs; a connection goes to a node that answers. */
class BrokerAddressesTest {

    @Test
    void everyNodeOfTheListWithTheFirstOnesCredentials() {
        ConnectionFactory factory = new ConnectionFactory();
        BrokerAddresses nodes = BrokerAddresses.configure(
                "amqp://u:secret@h1:5701/v, amqp://u:secret@h2:5702/v,amqp://u:secret@h3/v", factory);
        assertEquals(List.of(new Address("h1", 5701), new Address("h2", 5702), new Address("h3", 5672)),
                nodes.addresses());
        assertEquals("u", factory.getUsername());
        assertEquals("v", factory.getVirtualHost());
        assertEquals("amqp://u:***@h1:5701/v, amqp://u:***@h2:5702/v,amqp://u:***@h3/v", nodes.describe());
    }

    @Test
    void nodesOfOneClusterShareUserPasswordAndVirtualHost() {
        BrokerException e = assertThrows(BrokerException.class, () -> BrokerAddresses.configure(
                "amqp://u:secret@h1/v,amqp://u:other@h2/v", new ConnectionFactory()));
        assertEquals("AMQP URI 'amqp://u:***@h2/v' differs from the first of the list in user, password, virtual"
                + " host or scheme (the nodes of one cluster share them)", e.getMessage());
        assertThrows(BrokerException.class, () -> BrokerAddresses.configure("amqp://h1/v,amqp://h2/w",
                new ConnectionFactory()));
    }

    @Test
    void anEmptyOrInvalidItemIsNamed() {
        assertEquals("empty AMQP URI in the list 'amqp://u:***@h1/v,,amqp://h2/v'", assertThrows(BrokerException.class,
                () -> BrokerAddresses.configure("amqp://u:p@h1/v,,amqp://h2/v", new ConnectionFactory())).getMessage());
        assertEquals("invalid AMQP URI 'http://h2/v': Wrong scheme in AMQP URI: http", assertThrows(
                BrokerException.class, () -> new BrokerConnector("amqp://h1/v,http://h2/v")).getMessage());
    }

    @Test
    void aConnectionSkipsANodeThatIsDown() throws Exception {
        // port 1 refuses: whichever order amqp-client shuffles the two into, every connection reaches RabbitMQ
        try (BrokerConnector connector = new BrokerConnector(
                "amqp://guest:guest@127.0.0.1:1/%2F,amqp://guest:guest@127.0.0.1:5672/%2F")) {
            for (int i = 0; i < 4; i++) {
                try (Connection connection = connector.connect("nodes-" + i)) {
                    assertEquals(5672, connection.getPort());
                }
            }
        }
    }
}
