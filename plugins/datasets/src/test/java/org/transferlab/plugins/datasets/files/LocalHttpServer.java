package org.transferlab.plugins.datasets.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP server on 127.0.0.1 and an ephemeral port that serves byte arrays, misbehaving on request. */
public final class LocalHttpServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** A URL on this server; paths that nothing is served at answer 404. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A URL on 127.0.0.1 where nothing listens, so that connecting is refused. */
    public static URI refused(String path) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Each request as {@code "<path> <Range header or ->"}, in order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public Served serve(String path, byte[] content) {
        Served served = new Served(path, content);
        server.createContext(path, served::handle);
        return served;
    }

    private synchronized void record(String request) {
        requests.add(request);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One served file; by default it answers range requests and never drops a connection. */
    public final class Served {

        private final String path;
        private final byte[] content;
        private final AtomicInteger count = new AtomicInteger();
        private volatile boolean ranges = true;
        private volatile int drops;
        private volatile int dropAfter;
        private volatile int stalls;
        private volatile int failures;
        private volatile int failureStatus;

        Served(String path, byte[] content) {
            this.path = path;
            this.content = content.clone();
        }

        /** Ignores Range headers and always sends the whole file with status 200. */
        public Served withoutRanges() {
            ranges = false;
            return this;
        }

        /** The first {@code times} responses close the connection after {@code bytes} bytes of the body. */
        public Served dropping(int times, int bytes) {
            drops = times;
            dropAfter = bytes;
            return this;
        }

        /** The first {@code times} responses send {@code bytes} bytes of the body, then nothing until the server closes. */
        public Served stalling(int times, int bytes) {
            stalls = times;
            dropAfter = bytes;
            return this;
        }

        /** The first {@code times} requests are answered with {@code status} and no body. */
        public Served failing(int times, int status) {
            failures = times;
            failureStatus = status;
            return this;
        }

        private void handle(HttpExchange exchange) throws IOException {
            String range = exchange.getRequestHeaders().getFirst("Range");
            record(path + " " + (range == null ? "-" : range));
            int request = count.incrementAndGet();
            if (request <= failures) {
                exchange.sendResponseHeaders(failureStatus, -1);
                exchange.close();
                return;
            }
            int start = 0;
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            if (ranges && matcher != null && matcher.matches()) {
                start = Integer.parseInt(matcher.group(1));
            }
            byte[] body = Arrays.copyOfRange(content, start, content.length);
            if (start > 0) {
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
                exchange.sendResponseHeaders(206, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            OutputStream out = exchange.getResponseBody();
            if (request - failures <= stalls) {
                out.write(body, 0, Math.min(dropAfter, body.length));
                out.flush();
                try {
                    closing.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (request - failures <= drops) {
                out.write(body, 0, Math.min(dropAfter, body.length));
                out.flush();
                // Closing a fixed-length body early closes the connection, as a dropped one would.
                exchange.close();
                return;
            }
            out.write(body);
            out.close();
        }
    }
}
