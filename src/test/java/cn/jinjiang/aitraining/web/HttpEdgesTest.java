package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP details from the attack-minded review (issue 9: items 9 and 10, and the info items). */
class HttpEdgesTest {
    static TestApp server;
    static WebClient app;

    @BeforeAll static void start() {
        server = TestApp.start();
        app = server.cookielessClient();
    }
    @AfterAll static void stop() { server.close(); }

    /** Headers that legitimately differ between two answers, or between a body and no body. */
    static final Set<String> VARYING = Set.of("date", "set-cookie", "content-length", "transfer-encoding",
            "x-request-id"); // a new id for every request

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?fp=2", "/?fp=999", "/figures/ai-lectures", "/figures/does-not-exist", "/figures.csv",
            "/events.csv", "/api/figures", "/api/figures/ai-lectures", "/api/figures/nope", "/api/events", "/healthz",
            "/assets/nope.css", "/nope", "/admin", "/admin/login", "/admin/audit.csv"})
    void headAnswersWithTheSameStatusAndHeadersAsGet(String path) {
        HttpResponse<String> get = app.get(path);
        HttpResponse<String> head = app.send(app.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(get.statusCode(), head.statusCode(), "status of HEAD " + path);
        assertEquals(headers(get), headers(head), "headers of HEAD " + path);
        assertEquals("", head.body());
    }

    private static Map<String, Object> headers(HttpResponse<?> r) {
        Map<String, Object> kept = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            if (!VARYING.contains(name.toLowerCase())) kept.put(name.toLowerCase(), values);
        });
        return kept;
    }

    @Test
    void theLanguageLinkIsBuiltFromThePathAndStaysOnThisSite() {
        HttpResponse<String> page = app.get("//evil.example/x");
        assertEquals(404, page.statusCode());
        assertFalse(page.body().contains("href=\"//"), "no protocol-relative link:\n" + page.body());
        assertTrue(page.body().contains("href=\"/evil.example/x?lang=en\""), page.body());
        HttpResponse<String> backslash = app.get("/%5Cevil.example/x");
        assertFalse(backslash.body().contains("href=\"/\\"), "no /\\ link either");
    }

    @Test
    void ifNoneMatchStarOnAMissingFigureIs404() {
        assertEquals(404, app.get("/api/figures/does-not-exist", "If-None-Match", "*").statusCode());
        assertEquals(404, app.get("/figures/does-not-exist", "If-None-Match", "*").statusCode());
        assertEquals(304, app.get("/api/figures/ai-lectures", "If-None-Match", "*").statusCode(), "it exists");
    }

    @Test
    void gzipRefusedWithQZeroIsNotSent() {
        for (int i = 0; i < 2; i++) { // rendered, then from the cache
            for (String path : new String[] {"/", "/api/events", "/figures.csv"}) {
                HttpResponse<byte[]> r = app.send(app.request(path, "Accept-Encoding", "gzip;q=0, identity").GET(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), path + " try " + i);
                HttpResponse<byte[]> star = app.send(app.request(path, "Accept-Encoding", "*;q=0.5, gzip;q=0").GET(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertTrue(star.headers().firstValue("Content-Encoding").isEmpty(), path + " with * try " + i);
            }
        }
    }

    @Test
    void aRequestJettyRefusesGetsOurPageInUtf8WithOurHeaders() {
        for (String target : new String[] {"/api/figures/%00", "/figures/%00"}) {
            HttpResponse<String> bad = app.get(target);
            assertEquals(400, bad.statusCode(), target);
            assertTrue(bad.headers().firstValue("Content-Security-Policy").isPresent(), target);
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").contains("charset=utf-8"), target);
            assertTrue(bad.body().contains("无法理解此请求"), bad.body());
            assertFalse(bad.body().toLowerCase().contains("jetty"), bad.body());
        }
    }
}
