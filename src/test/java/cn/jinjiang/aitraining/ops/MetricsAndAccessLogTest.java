package cn.jinjiang.aitraining.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's view of one server: Prometheus metrics on their own port (and only there), one
 * access-log line per request, and the X-Request-Id that ties a client's complaint to that line.
 * The server runs behind a (loopback) proxy, so forwarded ids are believed from loopback.
 */
@Timeout(120)
class MetricsAndAccessLogTest {
    /** time method route status bytes ms request-id */
    static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) (\\S+) (\\S+) (\\d{3}) (\\d+) (\\d+\\.\\d) ([A-Za-z0-9._:-]+)");

    @TempDir static Path folder;
    static TestApp app;
    static int metricsPort;
    static Path accessLog;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        metricsPort = ServerProcess.freePort();
        accessLog = folder.resolve("logs/access.log");
        app = TestApp.builder().behindProxy(true)
                .ops(new OpsOptions("127.0.0.1", metricsPort, accessLog.toString())).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void metricsAreOnTheirOwnPortWithRequestsCachePoolJvmAndDataVersion() throws Exception {
        WebClient client = app.cookielessClient();
        assertEquals(200, client.get("/figures/ai-training-attendance").statusCode());
        assertEquals(200, client.get("/figures/ai-training-attendance").statusCode());
        assertEquals(404, client.get("/no-such-page").statusCode());

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        // requests by route pattern (not path) and status, with a latency histogram
        assertTrue(text.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/figures/{key}\",status=\"200\",le="), text);
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{method=\"GET\",route=\"/figures/\\{key}\",status=\"200\"} ([2-9]|\\d\\d+)")
                .matcher(text).find(), "both requests counted");
        assertTrue(text.contains("route=\"unmatched\",status=\"404\""), "an unknown path is one label, not its own series");
        assertTrue(!text.contains("/no-such-page"), "paths never become labels");
        // rendered cache: the second request was a hit
        assertTrue(Pattern.compile("dashboard_cache_requests_total\\{result=\"hit\"} [1-9]").matcher(text).find(), text);
        assertTrue(text.contains("dashboard_cache_requests_total{result=\"miss\"}"));
        // pool usage and wait (HikariCP's Micrometer tracker)
        assertTrue(text.contains("hikaricp_connections_active{pool="));
        assertTrue(text.contains("hikaricp_connections_pending{pool="));
        assertTrue(text.contains("hikaricp_connections_acquire_seconds_count{pool="));
        // JVM
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""));
        assertTrue(text.contains("jvm_gc_"));
        assertTrue(text.contains("jvm_threads_live_threads"));
        // the data version, as the database has it
        long version = app.services().dataVersion().current();
        assertTrue(text.contains("dashboard_data_version " + (double) version), "data version " + version);
        assertTrue(text.contains("dashboard_database_reachable 1.0"));
        assertTrue(text.contains("dashboard_data_version_poll_seconds_count"));
    }

    @Test
    void theMetricsAreNotOnThePublicPort() throws Exception {
        HttpResponse<String> response = app.cookielessClient().get("/metrics");
        assertEquals(404, response.statusCode());
        assertTrue(!response.body().contains("jvm_memory"));
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode(), "the metrics port serves /metrics and nothing else");
    }

    @Test
    void oneAccessLogLinePerRequestWithRoutePatternStatusBytesTimeAndId() throws Exception {
        String id = "test-" + System.nanoTime();
        HttpResponse<String> response = app.cookielessClient().get("/figures/ai-training-attendance?lang=en", "X-Request-Id", id);
        assertEquals(200, response.statusCode());
        assertEquals(id, response.headers().firstValue("X-Request-Id").orElse(null), "a trusted proxy's id is kept");
        Matcher line = lineFor(id);
        assertEquals("GET", line.group(2));
        assertEquals("/figures/{key}", line.group(3), "the route pattern, never the path or its query");
        assertEquals("200", line.group(4));
        assertEquals(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Long.parseLong(line.group(5)), "body bytes");
        assertTrue(Double.parseDouble(line.group(6)) > 0);

        String missing = "missing-" + System.nanoTime();
        assertEquals(404, app.cookielessClient().get("/no-such-page?q=secret", "X-Request-Id", missing).statusCode());
        Matcher notFound = lineFor(missing);
        assertEquals("unmatched 404", notFound.group(3) + " " + notFound.group(4));

        // A refused write is a line too.
        String post = "post-" + System.nanoTime();
        HttpResponse<String> refused = app.cookielessClient().postAsIs("/admin/login", java.util.Map.of("username", "x"), "X-Request-Id", post);
        Matcher postLine = lineFor(post);
        assertEquals("POST /admin/login " + refused.statusCode(), postLine.group(2) + " " + postLine.group(3) + " " + postLine.group(4));
        long lines = Files.readAllLines(accessLog).stream().filter(l -> l.endsWith(" " + id)).count();
        assertEquals(1, lines, "exactly one line per request");
    }

    @Test
    void aRequestIdIsMadeWhenTheProxyGivesNoneOrAMalformedOne() {
        String made = app.cookielessClient().get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(made.matches("[0-9a-f]{16}"), made);
        String other = app.cookielessClient().get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals(made, other, "each request its own id");
        String replaced = app.cookielessClient().get("/healthz", "X-Request-Id", "bad id\twith spaces")
                .headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(replaced.matches("[0-9a-f]{16}"), "a malformed forwarded id is not echoed: " + replaced);
    }

    @Test
    void aForwardedIdIsIgnoredUnlessItComesFromATrustedProxy() {
        try (TestApp direct = TestApp.start();
             TestApp otherProxy = TestApp.builder().behindProxy(true).trustedProxies(List.of("10.9.8.7")).start()) {
            for (TestApp server : List.of(direct, otherProxy)) {
                String answered = server.cookielessClient().get("/healthz", "X-Request-Id", "chosen-by-the-client")
                        .headers().firstValue("X-Request-Id").orElseThrow();
                assertTrue(answered.matches("[0-9a-f]{16}"), "not believed: " + answered);
            }
        }
    }

    /** The line with this request id; the log is written as the response completes, so wait briefly. */
    private static Matcher lineFor(String id) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            for (String l : Files.readAllLines(accessLog)) {
                if (l.endsWith(" " + id)) {
                    Matcher m = LINE.matcher(l);
                    assertTrue(m.matches(), "line format: " + l);
                    return m;
                }
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no access-log line for " + id);
            Thread.sleep(20);
        }
    }

}
