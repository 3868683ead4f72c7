package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.AppServices;
import cn.jinjiang.aitraining.WebApp;
import cn.jinjiang.aitraining.db.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The real server on a random port over a fresh SQLite file, as the tests use it. */
public final class RunningApp implements AutoCloseable {
    private final Database database;
    private final Javalin app;
    private final AppServices services;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RunningApp(Path dbFile) {
        database = Database.open(dbFile);
        services = AppServices.create(new AppConfig("127.0.0.1", 0, dbFile, false), database, Clock.systemUTC());
        app = WebApp.create(services).start("127.0.0.1", 0);
    }

    public static RunningApp start(Path folder) {
        return new RunningApp(folder.resolve("dashboard.db"));
    }

    public AppServices services() { return services; }
    public Database database() { return database; }
    public String baseUrl() { return "http://127.0.0.1:" + app.port(); }
    public URI uri(String path) { return URI.create(baseUrl() + path); }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) builder.headers(headers);
        return builder;
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}
