package dev.orchestrator.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.Frame;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real loopback socket, a reader thread that wakes a worker per frame, as a connection's reader does per
 * delivery: the frames of one socket read wake the worker once, when the reader goes back to its socket; a lone frame
 * wakes it before the reader blocks for more.
 */
class WakeBatchingFrameHandlerTest {

    private static final int BURST = 5;

    private ServerSocket server;
    private Socket client;
    private Socket broker;
    private final AtomicInteger wakes = new AtomicInteger();
    /** The worker's wake-ups seen by the reader right after it asked for one, per frame. */
    private final List<Integer> wakesAfterFrame = new CopyOnWriteArrayList<>();
    private Thread worker;
    private Thread reader;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        broker = server.accept();
        worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
                wakes.incrementAndGet();
            }
        }, "worker");
        worker.setDaemon(true);
        worker.start();
        await().until(() -> worker.getState() == Thread.State.WAITING);
    }

    @AfterEach
    void close() throws IOException {
        worker.interrupt();
        client.close();
        broker.close();
        server.close();
    }

    /** A connection's reader: each frame read asks for the worker's wake-up, as a delivery to its inbox does. */
    private void startReader(WakeBatchingFrameHandler handler) {
        reader = new ReaderWakes.Reader(Thread.currentThread().getThreadGroup(), () -> {
            try {
                while (true) {
                    handler.readFrame();
                    ReaderWakes.unpark(worker);
                    wakesAfterFrame.add(wakes.get());
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void send(OutputStream to, int frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int i = 0; i < frames; i++) {
            new Frame(AMQP.FRAME_BODY, 1, new byte[100]).writeTo(out);
        }
        to.write(bytes.toByteArray());
        to.flush();
    }

    @Test
    void theFramesOfOneSocketReadWakeTheWorkerOnceAndALoneFrameBeforeTheReaderBlocks() throws IOException {
        WakeBatchingFrameHandler handler = new WakeBatchingFrameHandler(client, 1 << 20);
        send(broker.getOutputStream(), BURST);
        await().until(() -> client.getInputStream().available() == BURST * 108);
        startReader(handler);

        await().until(() -> wakesAfterFrame.size() == BURST);
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() == 1);
        assertEquals(List.of(0, 0, 0, 0, 0), wakesAfterFrame, "no wake-up while the reader had bytes to parse");
        await().during(Duration.ofMillis(200)).until(() -> wakes.get() == 1);

        send(broker.getOutputStream(), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() == 2);
    }

    @Test
    void aReaderReleasesWhatItHoldsWhenItEndsAndOtherThreadsWakeAtOnce() throws InterruptedException {
        Thread ending = new ReaderWakes.Reader(Thread.currentThread().getThreadGroup(), () -> {
            ReaderWakes.holdOnCurrentThread();
            ReaderWakes.unpark(worker);
            wakesAfterFrame.add(wakes.get());
        }, "ending reader");
        ending.start();
        ending.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() == 1);
        assertEquals(List.of(0), wakesAfterFrame, "held while the reader ran");

        ReaderWakes.unpark(worker);
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() == 2);
    }
}
