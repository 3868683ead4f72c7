package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real jar's main class in a process of its own on a free loopback port, as an operator runs it
 * (several of them on one database for the cluster tests), on a SQLite file or a PostgreSQL database
 * (given its password through the environment, as an operator would). Its output goes to
 * {@code server-PORT.log} in the log folder. {@link #stop()} ends it as an operator does (SIGTERM),
 * {@link #kill()} as a crash does (SIGKILL), {@link #startAgain()} starts it again on the same port,
 * and {@link #close()} makes sure it has ended (SIGTERM, then SIGKILL after 20 s).
 */
public final class ServerProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;
    private final Process process;
    private final DatabaseLocation db;
    private final Path logFolder;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> options;

    private ServerProcess(Process process, DatabaseLocation db, Path logFolder, int port, List<String> jvmOptions,
                          List<String> options) {
        this.process = process;
        this.db = db;
        this.logFolder = logFolder;
        this.port = port;
        this.jvmOptions = jvmOptions;
        this.options = options;
    }

    /** Starts {@code App --db db} on a SQLite file, its log beside the file; see {@link #start(DatabaseLocation, Path, String...)}. */
    public static ServerProcess start(Path db, String... options) throws IOException, InterruptedException {
        return start(DatabaseLocation.sqlite(db), db.toAbsolutePath().getParent(), options);
    }

    /** Starts {@code App --db db} with the extra options and waits (at most 90 s) until /healthz says 200. */
    public static ServerProcess start(DatabaseLocation db, Path logFolder, String... options) throws IOException, InterruptedException {
        return start(db, logFolder, List.of(), options);
    }

    /** As above, with options for the JVM itself (e.g. {@code -Xmx32m}). */
    public static ServerProcess start(DatabaseLocation db, Path logFolder, List<String> jvmOptions, String... options)
            throws IOException, InterruptedException {
        return start(db, logFolder, freePort(), jvmOptions, List.of(options));
    }

    /**
     * A new process on the same database, port and options, once this one has ended (after {@link #stop()}
     * or {@link #kill()}): a restart as an operator or a process supervisor does it.
     */
    public ServerProcess startAgain() throws IOException, InterruptedException {
        if (process.isAlive()) throw new IllegalStateException("the server on port " + port + " is still running");
        return start(db, logFolder, port, jvmOptions, options);
    }

    private static ServerProcess start(DatabaseLocation db, Path logFolder, int port, List<String> jvmOptions, List<String> options)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "cn.jinjiang.aitraining.App", "--host", "127.0.0.1", "--port", Integer.toString(port), "--db", db.toString()));
        command.addAll(options);
        Process process = TestDatabase.withPassword(new ProcessBuilder(command), db)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFolder.resolve("server-" + port + ".log").toFile()))
                .start();
        ServerProcess server = new ServerProcess(process, db, logFolder, port, jvmOptions, options);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean started = false;
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new AssertionError("server exited with " + process.exitValue());
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        started = true;
                        return server;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new AssertionError("server did not start");
        } finally {
            // A timeout interrupts the wait: never leave a server process behind.
            if (!started) process.destroyForcibly();
        }
    }

    public int port() { return port; }
    public String baseUrl() { return "http://127.0.0.1:" + port; }
    public WebClient client() { return new WebClient(baseUrl()); }
    public WebClient cookielessClient() { return new WebClient(baseUrl(), false); }

    /** SIGTERM, as an operator stops the server; true when it ended within 20 s (its shutdown hook ran). */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL, as a crash or a power cut ends it: no shutdown hook, no checkpoint, requests in flight
     * cut off. Returns once the process has ended; fails when it has not within 20 s.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the server on port " + port + " still runs " + WAIT_SECONDS + " s after SIGKILL");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nobody listens on now, for a server (or its metrics) a test starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
