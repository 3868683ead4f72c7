package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered-response cache renders a representation once when many ask for it at the same time
 * (a start, or the moment after a change), and never makes anyone wait for a body too large to keep.
 */
@Timeout(60)
class RenderOnceTest {
    static final int CLIENTS = 16;

    @TempDir Path folder;
    Database database;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("cache.db"));
    }

    @AfterEach
    void close() {
        if (app != null) app.stop();
        database.close();
    }

    @Test
    void clientsAskingAtOnceShareOneRender() throws Exception {
        HttpCache cache = new HttpCache(new DataVersion(database.jdbi()));
        AtomicInteger renders = new AtomicInteger();
        byte[] page = "<p>rendered once</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
        app = Javalin.create(config -> config.routes.get("/page", ctx -> cache.respond(ctx, "page", "text/html; charset=utf-8", out -> {
            renders.incrementAndGet();
            sleep(400); // a slow render: every client arrives while it runs
            out.write(page);
        }))).start("127.0.0.1", 0);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            boolean gzip = i % 2 == 0;
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return get("/page", gzip);
            }));
        }
        go.countDown();
        for (var answer : answers) {
            HttpResponse<byte[]> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            byte[] body = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                    ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes()
                    : response.body();
            assertArrayEquals(page, body, "every client gets the same bytes");
        }
        assertEquals(1, renders.get(), "one render for " + CLIENTS + " clients at once");
        assertEquals(1, cache.missCount());
        assertEquals(CLIENTS - 1, cache.hitCount());
    }

    @Test
    void nobodyWaitsForABodyTooLargeToKeep() throws Exception {
        HttpCache cache = new HttpCache(new DataVersion(database.jdbi()));
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch othersDone = new CountDownLatch(3);
        byte[] chunk = new byte[64 * 1024];
        new Random(7).nextBytes(chunk); // incompressible: 6 MB stays over the 4 MB kept-gzip bound
        app = Javalin.create(config -> config.routes.get("/big", ctx -> cache.respond(ctx, "big", "application/octet-stream", out -> {
            boolean first = renders.incrementAndGet() == 1;
            for (int i = 0; i < 96; i++) out.write(chunk);
            // The first render holds its request open until the others are answered: had they
            // waited for its bytes, they would never be.
            if (first) await(othersDone);
        }))).start("127.0.0.1", 0);

        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> get("/big", false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (renders.get() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(300); // the first render has written its 6 MB and given up keeping it
        List<CompletableFuture<HttpResponse<byte[]>>> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(CompletableFuture.supplyAsync(() -> {
                HttpResponse<byte[]> response = get("/big", false);
                othersDone.countDown();
                return response;
            }));
        }
        for (var other : others) {
            HttpResponse<byte[]> response = other.get(15, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals(96 * chunk.length, response.body().length);
        }
        assertEquals(96 * chunk.length, first.get(15, TimeUnit.SECONDS).body().length);
        assertEquals(4, renders.get(), "each rendered its own: nothing to share");
        assertEquals(0, cache.keptCount());
        assertTrue(othersDone.getCount() == 0);
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) {
        try {
            URI uri = URI.create("http://127.0.0.1:" + app.port() + path);
            return http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", gzip ? "gzip" : "identity").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("latch never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
