package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --warm-up N} the server warms itself up the moment its port opens: the public pages
 * are rendered and kept before anyone asks (the first visitor's page comes from the cache), and the
 * warm-up's requests appear in neither the access log nor the request metrics. It is off unless
 * asked for ({@code --warm-up N}).
 */
@Timeout(240) // server processes start on a possibly busy two-core machine
class WarmupTest {
    static final Pattern MISSES = Pattern.compile("dashboard_cache_requests_total\\{result=\"miss\"} ([0-9.]+)");
    static final Pattern HITS = Pattern.compile("dashboard_cache_requests_total\\{result=\"hit\"} ([0-9.]+)");

    @TempDir Path folder;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstVisitorFindsThePagesRenderedAndTheWarmUpLeavesNoTrace() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "warm.db");
        int metricsPort = ServerProcess.freePort();
        Path accessLog = folder.resolve("access.log");
        try (ServerProcess server = ServerProcess.start(db, folder, "--metrics-port", Integer.toString(metricsPort),
                "--access-log", accessLog.toString(), "--warm-up", "4000")) {
            // Every public representation the warm-up asks for is rendered once, and then asked for again.
            long deadline = System.nanoTime() + 120_000_000_000L;
            String metrics = metrics(metricsPort);
            while (!(count(MISSES, metrics) >= Warmup.PATHS.size() - 1 && count(HITS, metrics) >= 100)) {
                if (System.nanoTime() > deadline) throw new AssertionError("the warm-up never rendered the pages:\n" + metrics);
                Thread.sleep(100);
                metrics = metrics(metricsPort);
            }
            assertTrue(!metrics.contains("route=\"/\","), "warm-up requests are not client requests in the metrics");
            List<String> logged = Files.readAllLines(accessLog);
            assertTrue(logged.stream().allMatch(line -> line.contains(" GET /healthz 200 ")),
                    "only the test's own /healthz polls are in the access log: " + logged);

            long missesBefore = count(MISSES, metrics(metricsPort));
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("晋江"), "the dashboard itself");
            assertEquals(missesBefore, count(MISSES, metrics(metricsPort)), "the first visitor's page came from the cache");
            assertTrue(Files.readAllLines(accessLog).stream().anyMatch(line -> line.contains(" GET / 200 ")), "the visitor is logged");
        }
    }

    @Test
    void withoutTheOptionNothingIsRenderedBeforeTheFirstVisitor() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "cold.db");
        int metricsPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(db, folder, "--metrics-port", Integer.toString(metricsPort))) {
            Thread.sleep(2_000);
            assertEquals(0, count(MISSES, metrics(metricsPort)), "nothing rendered");
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(1, count(MISSES, metrics(metricsPort)), "the visitor's page was rendered for the visitor");
        }
    }

    private String metrics(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long count(Pattern pattern, String metrics) {
        Matcher m = pattern.matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
