package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.TransferProgress;

/**
 * Downloads a {@link DataFile} into a folder, trying its mirrors in order. The bytes go to {@code <file>.part} while
 * their MD5 and SHA-256 are computed; only a file whose checksums match the published ones is renamed, in one step,
 * to its final name. A mismatching download is deleted. A connection that drops is resumed with a range request where
 * the server supports one, else restarted; a few attempts per mirror, then the next mirror. A 404 moves on at once.
 */
public final class Downloader {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final String USER_AGENT = "transferlab-datasets";

    private final HttpClient client;
    private final Duration responseTimeout;
    private final Duration idleTimeout;
    private final int attemptsPerMirror;
    private final Duration retryDelay;

    /**
     * Connections time out after 20 s; a response that does not start within a minute, or stalls for a minute, counts
     * as dropped; three attempts per mirror, two seconds apart.
     */
    public Downloader() {
        this(SharedClient.INSTANCE, Duration.ofSeconds(60), Duration.ofSeconds(60), 3, Duration.ofSeconds(2));
    }

    Downloader(HttpClient client, Duration responseTimeout, Duration idleTimeout, int attemptsPerMirror,
               Duration retryDelay) {
        this.client = Objects.requireNonNull(client, "client is null");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout is null");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout is null");
        if (attemptsPerMirror < 1) {
            throw new IllegalArgumentException("attemptsPerMirror must be at least 1, got " + attemptsPerMirror);
        }
        this.attemptsPerMirror = attemptsPerMirror;
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay is null");
    }

    static HttpClient newClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout);
        // Without this the client ignores the JVM's proxy settings (-Dhttps.proxyHost=..., java.net.useSystemProxies).
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    private static final class SharedClient {
        static final HttpClient INSTANCE = newClient(Duration.ofSeconds(20));
    }

    /**
     * Downloads {@code file} to {@code folder/<file name>}, which is returned.
     *
     * @throws FileDownloadException when no mirror delivered the file with its published checksums
     * @throws IOException           when the folder cannot be written
     */
    public Path download(DataFile file, Path folder, TransferProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress is null");
        if (file.mirrors().isEmpty()) {
            throw new FileDownloadException(file, List.of());
        }
        Path target = folder.resolve(file.name());
        boolean createdFolder = !Files.isDirectory(folder);
        Files.createDirectories(folder);
        List<MirrorFailure> failures = new ArrayList<>();
        try (PartFile part = PartFile.open(folder.resolve(file.name() + ".part"))) {
            if (Files.isRegularFile(target)) {
                part.deleteIfEmpty();
                return target;
            }
            for (URI mirror : file.mirrors()) {
                Optional<MirrorFailure> failure = fromMirror(file, mirror, part, progress);
                if (failure.isEmpty()) {
                    part.moveTo(target);
                    return target;
                }
                failures.add(failure.get());
            }
            part.deleteIfEmpty();
        }
        if (createdFolder) {
            deleteIfEmpty(folder);
        }
        throw new FileDownloadException(file, failures);
    }

    /** A folder made only for a download that failed would look like a dataset that is there but broken. */
    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    private Optional<MirrorFailure> fromMirror(DataFile file, URI uri, PartFile part, TransferProgress progress)
            throws IOException {
        String lastProblem = "no attempt made";
        boolean restartedAfterMismatch = false;
        for (int attempt = 1; attempt <= attemptsPerMirror; attempt++) {
            if (attempt > 1) {
                pause();
            }
            Attempt result = attempt(file, uri, part, progress);
            switch (result.outcome()) {
                case COMPLETE -> {
                    Optional<String> mismatch = part.checksums().mismatch(file);
                    if (mismatch.isEmpty()) {
                        return Optional.empty();
                    }
                    part.clear();
                    // Resumed bytes may come from another version of the file: one more try from the start.
                    if (result.resumedFrom() > 0 && !restartedAfterMismatch) {
                        restartedAfterMismatch = true;
                        lastProblem = "checksum mismatch after resuming at byte " + result.resumedFrom() + ": "
                                + mismatch.get();
                        continue;
                    }
                    return Optional.of(new MirrorFailure(uri, "checksum mismatch: " + mismatch.get()
                            + "; the downloaded bytes were deleted", false));
                }
                case RETRY -> lastProblem = result.reason();
                case FAILED -> {
                    return Optional.of(new MirrorFailure(uri, result.reason(), result.unreachable()));
                }
            }
        }
        return Optional.of(new MirrorFailure(uri,
                lastProblem + " (gave up after " + attemptsPerMirror + " attempts)", false));
    }

    private void pause() throws InterruptedIOException {
        if (retryDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download interrupted");
        }
    }

    private enum Outcome { COMPLETE, RETRY, FAILED }

    /** @param resumedFrom  the byte the response started at: non-zero when a range request was honoured */
    private record Attempt(Outcome outcome, String reason, boolean unreachable, long resumedFrom) {

        static Attempt complete(long resumedFrom) {
            return new Attempt(Outcome.COMPLETE, null, false, resumedFrom);
        }

        static Attempt retry(String reason) {
            return new Attempt(Outcome.RETRY, reason, false, 0);
        }

        static Attempt failed(String reason, boolean unreachable) {
            return new Attempt(Outcome.FAILED, reason, unreachable, 0);
        }
    }

    private Attempt attempt(DataFile file, URI uri, PartFile part, TransferProgress progress) throws IOException {
        long offset = part.length();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(responseTimeout)
                .header("User-Agent", USER_AGENT).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        Transfer transfer = new Transfer(part, offset);
        CompletableFuture<HttpResponse<Void>> response;
        try {
            response = client.sendAsync(request.build(), transfer);
        } catch (IllegalArgumentException e) {
            return Attempt.failed("not a URL that can be downloaded (" + e.getMessage() + ")", false);
        }
        Reporter reporter = new Reporter(file.name(), transfer, progress);
        try {
            HttpResponse<Void> done = await(response, transfer, reporter);
            if (transfer.localFailure != null) {
                throw transfer.localFailure;
            }
            return completed(done.statusCode(), transfer, part);
        } catch (ExecutionException e) {
            if (transfer.localFailure != null) {
                throw transfer.localFailure;
            }
            return failed(uri, e.getCause(), transfer);
        } finally {
            reporter.finish();
        }
    }

    private HttpResponse<Void> await(CompletableFuture<HttpResponse<Void>> response, Transfer transfer,
                                     Reporter reporter) throws ExecutionException, InterruptedIOException {
        while (true) {
            try {
                return response.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                reporter.update();
                if (transfer.bodyStarted && System.nanoTime() - transfer.lastActivity > idleTimeout.toNanos()) {
                    transfer.cancel(new IOException("no data for " + describe(idleTimeout)));
                }
            } catch (InterruptedException e) {
                transfer.cancel(new IOException("interrupted"));
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("download interrupted");
            }
        }
    }

    private static Attempt completed(int status, Transfer transfer, PartFile part) throws IOException {
        if (status == 200 || status == 206) {
            if (transfer.rangeProblem != null) {
                part.clear();
                return Attempt.retry(transfer.rangeProblem);
            }
            if (transfer.total >= 0 && part.length() < transfer.total) {
                return Attempt.retry("connection dropped after " + part.length() + " of " + transfer.total + " bytes");
            }
            return Attempt.complete(transfer.startOffset);
        }
        if (status == 404 || status == 410) {
            return Attempt.failed("HTTP " + status + " (not found)", false);
        }
        if (status == 416) {
            part.clear();
            return Attempt.retry("HTTP 416: the server would not resume at byte " + transfer.requestedOffset);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Attempt.retry("HTTP " + status);
        }
        return Attempt.failed("HTTP " + status, false);
    }

    private static Attempt failed(URI uri, Throwable error, Transfer transfer) {
        if (cause(error, UnresolvedAddressException.class) != null || cause(error, UnknownHostException.class) != null) {
            return Attempt.failed("unknown host " + uri.getHost(), true);
        }
        if (cause(error, HttpConnectTimeoutException.class) != null) {
            return Attempt.failed("connection timed out", true);
        }
        ConnectException connect = cause(error, ConnectException.class);
        if (connect != null) {
            return Attempt.failed("cannot connect (" + deepestMessage(connect, "connection refused") + ")", true);
        }
        if (cause(error, HttpTimeoutException.class) != null) {
            return Attempt.retry("no response within " + transfer.responseTimeout());
        }
        SSLException tls = cause(error, SSLException.class);
        if (tls != null) {
            return Attempt.failed("TLS failure (" + deepestMessage(tls, "no detail") + ")", false);
        }
        String detail = deepestMessage(error, error.getClass().getSimpleName());
        if (transfer.bodyStarted) {
            long received = transfer.startOffset + transfer.received.get();
            return Attempt.retry("connection dropped after " + received
                    + (transfer.total >= 0 ? " of " + transfer.total : "") + " bytes (" + detail + ")");
        }
        return Attempt.retry("request failed (" + detail + ")");
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable error, String fallback) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !(t instanceof CompletionException) && !(t instanceof ExecutionException)) {
                message = t.getMessage();
            }
        }
        return message == null ? fallback : message;
    }

    /**
     * Decides, when the response headers arrive, whether and where the body is written, then writes it. Runs on the
     * HTTP client's threads; the fields the downloading thread reads are volatile.
     */
    private final class Transfer implements HttpResponse.BodyHandler<Void> {

        private final PartFile part;
        private final long requestedOffset;
        private final CompletableFuture<Void> body = new CompletableFuture<>();
        private final AtomicLong received = new AtomicLong();
        private volatile boolean bodyStarted;
        private volatile long startOffset;
        private volatile long total = -1;
        private volatile long lastActivity;
        private volatile String rangeProblem;
        private volatile IOException localFailure;
        private volatile Flow.Subscription subscription;
        private boolean cancelled; // guarded by part

        Transfer(PartFile part, long requestedOffset) {
            this.part = part;
            this.requestedOffset = requestedOffset;
        }

        String responseTimeout() {
            return describe(responseTimeout);
        }

        @Override
        public BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
            int status = info.statusCode();
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (status == 200) {
                if (part.length() > 0) {
                    try {
                        part.clear();
                    } catch (IOException e) {
                        localFailure = e;
                        return BodySubscribers.replacing(null);
                    }
                }
                startOffset = 0;
                total = length;
                return writer();
            }
            if (status == 206) {
                String range = info.headers().firstValue("Content-Range").orElse("");
                Matcher matcher = CONTENT_RANGE.matcher(range);
                if (!matcher.matches() || Long.parseLong(matcher.group(1)) != requestedOffset) {
                    rangeProblem = "asked to resume at byte " + requestedOffset + ", the server sent '" + range + "'";
                    return BodySubscribers.discarding();
                }
                startOffset = requestedOffset;
                total = matcher.group(3).equals("*")
                        ? (length >= 0 ? requestedOffset + length : -1)
                        : Long.parseLong(matcher.group(3));
                return writer();
            }
            return BodySubscribers.discarding();
        }

        private BodySubscriber<Void> writer() {
            lastActivity = System.nanoTime();
            bodyStarted = true;
            return new BodySubscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(List<ByteBuffer> buffers) {
                    synchronized (part) {
                        if (cancelled) {
                            return;
                        }
                        long bytes = 0;
                        for (ByteBuffer buffer : buffers) {
                            bytes += buffer.remaining();
                        }
                        try {
                            part.append(buffers);
                        } catch (IOException e) {
                            localFailure = e;
                            cancelled = true;
                            subscription.cancel();
                            body.completeExceptionally(e);
                            return;
                        }
                        received.addAndGet(bytes);
                        lastActivity = System.nanoTime();
                    }
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable error) {
                    body.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    body.complete(null);
                }

                @Override
                public CompletableFuture<Void> getBody() {
                    return body;
                }
            };
        }

        /** Stops writing at once (later bytes are ignored) and fails the response with {@code reason}. */
        void cancel(IOException reason) {
            synchronized (part) {
                cancelled = true;
            }
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            body.completeExceptionally(reason);
        }
    }

    /** Tells the progress listener about one attempt, from the downloading thread only. */
    private static final class Reporter {

        private final String name;
        private final Transfer transfer;
        private final TransferProgress progress;
        private boolean started;
        private long reported;

        Reporter(String name, Transfer transfer, TransferProgress progress) {
            this.name = name;
            this.transfer = transfer;
            this.progress = progress;
        }

        void update() {
            if (!transfer.bodyStarted) {
                return;
            }
            if (!started) {
                started = true;
                progress.started(name, transfer.total);
                if (transfer.startOffset > 0) {
                    progress.advanced(transfer.startOffset);
                }
            }
            long now = transfer.received.get();
            if (now > reported) {
                progress.advanced(now - reported);
                reported = now;
            }
        }

        void finish() {
            update();
            if (started) {
                progress.finished();
            }
        }
    }
}
