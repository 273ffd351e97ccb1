package dev.orchestrator.broker;

import com.rabbitmq.client.SocketConfigurator;
import com.rabbitmq.client.impl.Frame;
import com.rabbitmq.client.impl.FrameHandler;
import com.rabbitmq.client.impl.SocketFrameHandler;
import com.rabbitmq.client.impl.SocketFrameHandlerFactory;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * amqp-client's blocking-I/O frame handler, reading frames through a buffer whose refills first release the
 * wake-ups the reader thread held ({@link ReaderWakes}): the workers woken by the deliveries of one socket read are
 * woken once each, when the reader is done with that read's bytes, and before it can block for more. Writes by the
 * reader (a close-ok, say) release them too, since a write can block.
 */
final class WakeBatchingFrameHandler extends SocketFrameHandler {

    /**
     * The read buffer: 64 KiB, not amqp-client's 8, which up to half the reads of a busy connection filled (JFR,
     * docs/benchmark.md): a socket read, and the wake-ups it batches, then covered at most six 1 KB deliveries.
     */
    private static final int READ_BUFFER_BYTES = 64 << 10;

    private final DataInputStream input;
    private final int maxBodySize;

    WakeBatchingFrameHandler(Socket socket, int maxBodySize) throws IOException {
        super(socket, null, maxBodySize);
        this.input = new DataInputStream(new BufferedInputStream(new Releasing(socket.getInputStream()), READ_BUFFER_BYTES));
        this.maxBodySize = maxBodySize;
    }

    @Override
    public Frame readFrame() throws IOException {
        ReaderWakes.holdOnCurrentThread();
        return Frame.readFrom(input, maxBodySize);
    }

    /** The stream frames are read from (the superclass's own 8 KiB one is never read). */
    @Override
    public DataInputStream getInputStream() {
        return input;
    }

    @Override
    public void writeFrame(Frame frame) throws IOException {
        ReaderWakes.release();
        super.writeFrame(frame);
    }

    /** The socket's stream, releasing the held wake-ups before each read of it (a read that may block). */
    private static final class Releasing extends FilterInputStream {

        Releasing(InputStream socket) {
            super(socket);
        }

        @Override
        public int read() throws IOException {
            ReaderWakes.release();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            ReaderWakes.release();
            return super.read(buffer, offset, length);
        }
    }

    /** Makes these handlers for {@link BrokerConnector}'s connections (TLS ones too: their socket factory is TLS). */
    static final class Factory extends SocketFrameHandlerFactory {

        Factory(int connectionTimeout, SocketFactory sockets, SocketConfigurator configurator, boolean tls,
                int maxBodySize) {
            super(connectionTimeout, sockets, configurator, tls, null, null, maxBodySize);
        }

        @Override
        public FrameHandler create(Socket socket) throws IOException {
            return new WakeBatchingFrameHandler(socket, maxInboundMessageBodySize);
        }
    }
}
