package dev.orchestrator.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * HTTP on a TCP port ({@code [inet_http_server]}): the same {@link Routes} as the control socket, behind basic
 * authentication when credentials are configured. A client over {@link Acceptor#MAX_CLIENTS} gets 503.
 */
public final class TcpHttpServer implements AutoCloseable {

    private final ServerSocketChannel channel;
    private final Deadlines deadlines = new Deadlines("http-timeout");
    private final Acceptor acceptor;

    private TcpHttpServer(ServerSocketChannel channel, Routes routes, Credentials credentials) {
        this.channel = channel;
        this.acceptor = new Acceptor(channel, "http",
                c -> new HttpConnection(c, java.nio.ByteBuffer.allocate(0), routes, credentials, HttpLimits.DEFAULT,
                        deadlines).serve(),
                this::refuse);
    }

    /**
     * Listens on {@code host:port} (an empty host: every interface).
     *
     * @throws IOException with a one-line reason when the port is taken or the host unknown
     */
    public static TcpHttpServer start(String host, int port, Routes routes, Credentials credentials)
            throws IOException {
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (address.isUnresolved()) throw new IOException("unknown host " + host);
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(address);
        } catch (BindException e) {
            channel.close();
            throw new IOException("cannot listen on " + (host.isEmpty() ? "*" : host) + ":" + port + ": "
                    + e.getMessage(), e);
        }
        TcpHttpServer server = new TcpHttpServer(channel, routes, credentials);
        server.acceptor.start();
        return server;
    }

    /** The bound port (the configured one, or the one chosen for port 0). */
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void refuse(SocketChannel client) throws IOException {
        HttpExchange.refuse(client, deadlines, 503, "too many clients (" + Acceptor.MAX_CLIENTS + ")");
    }

    @Override
    public void close() {
        acceptor.close();
        deadlines.close();
    }
}
