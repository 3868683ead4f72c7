package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.support.TestDatabase;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted server answers with the bytes its predecessor rendered at the same data version, build
 * and settings (kept in {@code rendered_page}), and renders again when any of them differs or the
 * table cannot be read. Runs on SQLite and, in the PostgreSQL execution, on PostgreSQL.
 */
@Timeout(60)
class PersistedRendersTest {
    @TempDir Path folder;
    Database database;
    Javalin app;
    int port;
    final AtomicInteger renders = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        database = Database.open(TestDatabase.chosen().fresh(folder, "renders.db"), Database.DEFAULT_CONNECT_WAIT);
    }

    @AfterEach
    void close() {
        if (app != null) app.stop();
        database.close();
    }

    /** One server process: a page whose body says how many renders this test has seen. */
    private HttpCache serve(String scope) {
        if (app != null) app.stop();
        PersistedRenders persisted = new PersistedRenders(database.jdbi(), scope);
        HttpCache cache = new HttpCache(new DataVersion(database.jdbi()), persisted);
        app = Javalin.create(config -> {
            config.routes.get("/page", ctx -> cache.respond(ctx, "page", "text/html; charset=utf-8", out ->
                    out.write(("<p>render " + renders.incrementAndGet() + "</p>").repeat(100).getBytes(StandardCharsets.UTF_8))));
            config.events.serverStopping(persisted::close); // as WebApp does: saves in progress finish
        }).start("127.0.0.1", port); // the same origin every time: it is part of the key
        port = app.port();
        return cache;
    }

    @Test
    void aRestartedServerSendsWhatItsPredecessorRendered() throws Exception {
        serve("build-1/settings");
        String first = body(get("/page", false));
        assertTrue(first.startsWith("<p>render 1</p>"), first);
        app.stop(); // waits for the save

        HttpCache restarted = serve("build-1/settings");
        assertEquals(first, body(get("/page", false)), "the same bytes, not rendered again");
        assertEquals(first, body(get("/page", true)), "and its gzip form");
        assertEquals(1, renders.get());
        assertEquals(1, restarted.restoredCount());
        assertEquals(0, restarted.missCount());
        assertEquals(1, restarted.hitCount(), "read from the database once, then from memory");
    }

    @Test
    void aChangeOfDataBuildOrSettingsIsRenderedAgain() throws Exception {
        serve("build-1/settings");
        get("/page", false);
        app.stop();

        serve("build-2/settings");
        assertTrue(body(get("/page", false)).startsWith("<p>render 2</p>"), "another build renders its own");
        app.stop();
        serve("build-1/other-settings");
        assertTrue(body(get("/page", false)).startsWith("<p>render 3</p>"), "other settings render their own");
        app.stop();

        database.jdbi().useTransaction(DataVersion::bump);
        HttpCache afterChange = serve("build-1/settings");
        assertTrue(body(get("/page", false)).startsWith("<p>render 4</p>"), "a new data version is rendered");
        assertEquals(0, afterChange.restoredCount());
        app.stop();

        long current = new DataVersion(database.jdbi()).current();
        List<Long> versions = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT data_version FROM rendered_page").mapTo(Long.class).list());
        assertTrue(versions.stream().allMatch(v -> v == current), "rows of older versions are deleted: " + versions);
        assertEquals(1, versions.size(), "only the render at the current version is left");
    }

    @Test
    void anUnreadableTableOnlyMeansRenderingAgain() throws Exception {
        serve("build-1/settings");
        get("/page", false);
        app.stop();
        database.jdbi().useHandle(h -> h.execute("DROP TABLE rendered_page"));

        HttpCache restarted = serve("build-1/settings");
        HttpResponse<byte[]> again = get("/page", false);
        assertEquals(200, again.statusCode());
        assertTrue(body(again).startsWith("<p>render 2</p>"));
        assertEquals(1, restarted.missCount());
        assertEquals(0, restarted.restoredCount());
    }

    @Test
    void theBuildIsNamedByTheBuild() {
        assertTrue(PersistedRenders.BUILD_ID.matches("\\d{8}T\\d{6}\\.\\d{3}"),
                "Maven writes the build's time into build.properties: " + PersistedRenders.BUILD_ID);
        assertEquals(PersistedRenders.scope("a", "b"), PersistedRenders.scope("a", "b"));
        assertNotEquals(PersistedRenders.scope("a", "b"), PersistedRenders.scope("ab"));
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (gzip) request.header("Accept-Encoding", "gzip");
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(gzip, response.headers().firstValue("Content-Encoding").orElse("").equals("gzip"));
        return response;
    }

    private static String body(HttpResponse<byte[]> response) throws Exception {
        byte[] bytes = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()
                : response.body();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
