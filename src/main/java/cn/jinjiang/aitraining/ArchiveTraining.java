package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.web.Warmup;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's two training runs for the class-data-sharing archive ({@code mvn package}, see pom.xml).
 *
 * <p>The JVM started with {@code -XX:ArchiveClassesAtExit} writes every class it loaded into the
 * archive, and a server started with {@code -XX:SharedArchiveFile} maps the whole archive, every page
 * of it resident (the JVM relocates it), whether it uses a class or not. So the archived run should
 * load what a restarted server loads and nothing more:
 * <ol>
 *   <li>{@code --cds-training-database FOLDER}, a JVM without the archive option: creates
 *       {@code FOLDER/dashboard.db} as a first start would (the migrations, the initial admin). Flyway
 *       and password hashing, some 500 classes a server on an existing database never loads, stay out
 *       of the archive.</li>
 *   <li>{@code --cds-training FOLDER}, the archived JVM: serves that database on a loopback port the
 *       system picks, asks for every public page and download once in each form a browser or script
 *       would (both languages, gzip and not, conditional), deletes the folder and stops.</li>
 * </ol>
 */
final class ArchiveTraining {
    /** Every request is bounded; the build bounds the whole run too. */
    private static final int TIMEOUT_MILLIS = 20_000;
    private static final String DATABASE = "dashboard.db";
    private static final List<String> PATHS = List.of(
            "/healthz", "/", "/?lang=en", "/?lang=zh&fp=2", "/figures/ai-training-attendance",
            "/figures/ai-training-attendance?lang=en", "/figures/no-such-figure", "/figures.csv", "/events.csv",
            "/api/figures", "/api/figures/ai-training-attendance", "/api/events", "/no-such-page", "/admin/login",
            "/admin");

    private ArchiveTraining() {}

    /** Step 1: a new database in {@code folder} (anything there before is deleted), as a first start leaves it. */
    static int prepare(Path folder) throws IOException {
        deleteTree(folder);
        Files.createDirectories(folder);
        Database database = Database.open(folder.resolve(DATABASE));
        try {
            AppServices services = AppServices.create(config(folder), database, Clock.systemUTC());
            services.accounts().ensureInitialAdmin();
        } finally {
            database.close();
        }
        return 0;
    }

    /** Step 2: returns 0 once every page answered as it should; throws (the build then fails) otherwise. */
    static int run(Path folder) throws IOException, InterruptedException {
        if (!Files.isRegularFile(folder.resolve(DATABASE))) {
            throw new IllegalStateException("no training database in " + folder + ": run --cds-training-database first");
        }
        try {
            Database database = Database.open(folder.resolve(DATABASE));
            try {
                AppServices services = AppServices.create(config(folder), database, Clock.systemUTC());
                Javalin app = WebApp.create(services);
                app.start("127.0.0.1", 0);
                try {
                    askForEveryPage(app.port(), services.assets().url("css/app.css"));
                    // The warm-up's own classes (the in-memory connector) belong in the archive too.
                    Thread warmup = Warmup.start(app, "127.0.0.1:" + app.port(), 100);
                    if (warmup != null) warmup.join(TIMEOUT_MILLIS);
                } finally {
                    app.stop();
                }
            } finally {
                database.close();
            }
        } finally {
            deleteTree(folder);
        }
        return 0;
    }

    private static AppConfig config(Path folder) {
        return new AppConfig("127.0.0.1", 0, folder.resolve(DATABASE), false);
    }

    private static void askForEveryPage(int port, String stylesheet) throws IOException {
        for (String path : PATHS) {
            Answer answer = fetch(port, "GET", path, "gzip", null);
            // A page that fails here would fail for visitors too: the build stops.
            boolean missingOnPurpose = path.contains("no-such");
            if ((answer.status() >= 400) != missingOnPurpose) {
                throw new IllegalStateException("training run: GET " + path + " answered " + answer.status());
            }
            fetch(port, "GET", path, "identity", null);
            if (answer.etag() != null) fetch(port, "GET", path, "gzip", answer.etag());
        }
        fetch(port, "HEAD", "/", "gzip", null);
        fetch(port, "GET", stylesheet, "gzip", null);
    }

    record Answer(int status, String etag) {}

    /**
     * One request on a socket of its own, the answer read to the end. Plain HTTP/1.1 rather than the
     * JDK's HTTP clients: whatever the training loads is archived, and their ~75 classes (proxy
     * selection, keep-alive caches, TLS and logging set-up) are never used by the server.
     */
    static Answer fetch(int port, String method, String path, String encoding, String ifNoneMatch) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String request = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Accept-Encoding: " + encoding + "\r\n"
                    + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return answer(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** The status and ETag of a whole response (status line, headers, blank line, body). */
    static Answer answer(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || headEnd < 0) {
            throw new IllegalStateException("training run: not an HTTP response: "
                    + response.substring(0, Math.min(60, response.length())));
        }
        String[] head = response.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(head[0].substring(9, 12));
        String etag = null;
        for (String line : head) {
            if (line.regionMatches(true, 0, "ETag:", 0, 5)) etag = line.substring(5).trim();
        }
        return new Answer(status, etag);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
