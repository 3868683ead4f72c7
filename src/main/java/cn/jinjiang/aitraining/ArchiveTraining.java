package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.db.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the class-data-sharing archive ({@code mvn package} runs the jar with
 * {@code -XX:ArchiveClassesAtExit} and the hidden {@code --cds-training} option): serves a fresh
 * temporary database on a loopback port the system picks, asks for every public page and download
 * once in each form a browser or script would (both languages, gzip and not, conditional), then
 * stops. The JVM writes the classes this loaded into the archive as it exits, and a server started
 * with {@code -XX:SharedArchiveFile} maps them instead of loading and verifying them one by one.
 */
final class ArchiveTraining {
    /** Every request is bounded; the build bounds the whole run too. */
    private static final int TIMEOUT_MILLIS = 20_000;
    private static final List<String> PATHS = List.of(
            "/healthz", "/", "/?lang=en", "/?lang=zh&fp=2", "/figures/ai-training-attendance",
            "/figures/ai-training-attendance?lang=en", "/figures/no-such-figure", "/figures.csv", "/events.csv",
            "/api/figures", "/api/figures/ai-training-attendance", "/api/events", "/no-such-page", "/admin/login",
            "/admin");

    private ArchiveTraining() {}

    static int run() throws IOException {
        Path folder = Files.createTempDirectory("dashboard-cds-training");
        try {
            Database database = Database.open(folder.resolve("dashboard.db"));
            try {
                AppServices services = AppServices.create(
                        new AppConfig("127.0.0.1", 0, folder.resolve("dashboard.db"), false), database, Clock.systemUTC());
                Javalin app = WebApp.create(services);
                app.start("127.0.0.1", 0);
                try {
                    String base = "http://127.0.0.1:" + app.port();
                    for (String path : PATHS) {
                        String etag = fetch(base + path, "GET", "gzip", null);
                        fetch(base + path, "GET", "identity", null);
                        if (etag != null) fetch(base + path, "GET", "gzip", etag);
                    }
                    fetch(base + "/", "HEAD", "gzip", null);
                    fetch(base + services.assets().url("css/app.css"), "GET", "gzip", null);
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

    /** One request, its body read to the end; returns the answer's ETag. */
    private static String fetch(String url, String method, String encoding, String ifNoneMatch) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept-Encoding", encoding);
        if (ifNoneMatch != null) connection.setRequestProperty("If-None-Match", ifNoneMatch);
        try {
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return connection.getHeaderField("ETag");
        } finally {
            connection.disconnect();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
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
