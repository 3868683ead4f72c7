package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSRF, same-origin, methods, body limits and headers, on every admin route. */
class ProtectionTest {
    /** Tests that change nothing share one server and session; a test whose request is meant to save gets its own. */
    static TestApp shared;
    static WebClient sharedClient;
    TestApp app;
    WebClient c;

    @BeforeAll static void startShared() {
        shared = TestApp.start();
        sharedClient = shared.signedIn();
    }

    @AfterAll static void stopShared() { shared.close(); }

    @BeforeEach void useShared() {
        app = shared;
        c = sharedClient;
    }

    @AfterEach void stopOwn() {
        if (app != shared) app.close();
    }

    private void ownServer() {
        app = TestApp.start();
        c = app.signedIn();
    }

    /** A complete correction of ai-lectures, without a CSRF token. */
    private Map<String, String> correction(String value) {
        String version = c.form("/admin/figures/ai-lectures", "figure-form").get("version");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "correction");
        form.put("value", value);
        form.put("unit", "场");
        form.put("qualifier", "exact");
        form.put("period", "今年以来");
        form.put("as_of", "2025-05-19");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-05-19");
        form.put("quote", "开展AI专题辅导讲座");
        form.put("label_zh", "AI专题辅导讲座");
        form.put("label_en", "AI lectures");
        form.put("reason", "test");
        form.put("version", version);
        form.put("confirm_unusual", "yes"); // 6 → 99 needs the second look; these tests are about the guards
        return form;
    }

    private String lecturesJson() {
        return c.get("/api/figures/ai-lectures").body();
    }

    @Test
    void missingWrongOrForeignCsrfTokenIs403AndChangesNothing() {
        String before = lecturesJson();
        Map<String, String> form = correction("99");
        assertEquals(403, c.postAsIs("/admin/figures/ai-lectures", form).statusCode(), "missing");
        form.put("_csrf", "wrong-token");
        assertEquals(403, c.postAsIs("/admin/figures/ai-lectures", form).statusCode(), "wrong");
        // A token from another browser's session is not this session's token.
        String otherToken = app.client().csrfToken();
        assertFalse(otherToken.equals(c.csrfToken()));
        form.put("_csrf", otherToken);
        assertEquals(403, c.postAsIs("/admin/figures/ai-lectures", form).statusCode(), "other session");
        assertEquals(before, lecturesJson());
        assertTrue(c.get("/admin/audit").body().contains("暂无记录"));
    }

    @Test
    void csrfTokenInAHeaderIsAccepted() {
        ownServer();
        Map<String, String> form = correction("31");
        String token = c.csrfToken();
        assertEquals(303, c.postAsIs("/admin/figures/ai-lectures", form, "X-CSRF-Token", token).statusCode());
        assertTrue(lecturesJson().contains("\"value\":31"));
    }

    @Test
    void foreignOriginOrCrossSiteFetchIs403EvenWithTheToken() {
        ownServer();
        String before = lecturesJson();
        Map<String, String> form = correction("99");
        form.put("_csrf", c.csrfToken());
        assertEquals(403, c.postAsIs("/admin/figures/ai-lectures", form, "Origin", "https://evil.example").statusCode());
        assertEquals(403, c.postAsIs("/admin/figures/ai-lectures", form, "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(before, lecturesJson());
        assertEquals(303, c.postAsIs("/admin/figures/ai-lectures", form, "Origin", app.baseUrl(), "Sec-Fetch-Site", "same-origin").statusCode());
    }

    @Test
    void traceAndUnservedMethodsAre405() {
        for (String path : new String[] {"/admin", "/admin/login", "/", "/admin/figures/ai-lectures"}) {
            var trace = c.send(c.request(path).method("TRACE", HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, trace.statusCode(), "TRACE " + path);
            assertFalse(trace.body().contains("Cookie"), "TRACE must not echo the request");
        }
        assertEquals(405, c.send(c.request("/admin/audit").DELETE()).statusCode());
        assertEquals(405, c.send(c.request("/admin/figures/ai-lectures")
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
    }

    @Test
    void oversizedBodyIs413QuicklyAndTheServerKeepsRunning() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8192]);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(statusLine.startsWith("HTTP/1.1 413"), statusLine);
        }
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "answered without reading 50 MB");
        assertEquals(200, c.get("/healthz").statusCode());
        assertEquals(200, c.get("/admin").statusCode());
    }

    @Test
    void adminResponsesAreNoStoreWithSecurityHeaders() {
        HttpResponse<String> loginPage = app.client().get("/admin/login");
        assertEquals("no-store", loginPage.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(loginPage.headers().firstValue("Content-Type").orElse("").replace(" ", "").equalsIgnoreCase("text/html;charset=utf-8"));
        assertEquals("no-store", c.get("/admin/login").headers().firstValue("Cache-Control").orElse(""), "redirect too");
        for (String path : new String[] {"/admin", "/admin/audit", "/admin/figures/ai-lectures", "/admin/import", "/admin/figures/new"}) {
            HttpResponse<String> r = c.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'") && csp.contains("frame-ancestors 'none'"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().contains("charset=utf-8"), path);
            assertTrue(r.headers().firstValue("Server").isEmpty(), path);
            assertFalse(r.body().contains("<script>") || r.body().contains(" style=\""), "no inline script or style on " + path);
        }
    }

    /**
     * GETs with the parameters of a correction, an archive and a revert change nothing. There is a
     * real change first, so the revert address names an entry that a POST could revert.
     */
    @Test
    void getNeverChangesState() {
        ownServer();
        assertEquals(303, c.post("/admin/figures/ai-lectures", correction("7")).statusCode());
        long entry = app.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit_entry").mapTo(Long.class).one());
        String before = lecturesJson();
        assertTrue(before.contains("\"value\":7"), before);

        assertEquals(200, c.get("/admin/figures/ai-lectures?mode=correction&value=1&reason=x").statusCode(), "the edit form");
        assertEquals(200, c.get("/admin/figures/ai-lectures/archive?reason=x").statusCode(), "the archive confirmation");
        assertEquals(405, c.get("/admin/audit/" + entry + "/revert").statusCode(), "revert is POST only");
        assertEquals(before, lecturesJson());
        assertEquals(200, c.get("/figures/ai-lectures").statusCode(), "not archived");
        int entries = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
        assertEquals(1, entries, "no entry written by a GET");

        // The same entry does revert through the form's POST: the GETs above addressed something real.
        assertEquals(303, c.post("/admin/audit/" + entry + "/revert", Map.of()).statusCode());
        assertTrue(lecturesJson().contains("\"value\":6"));
    }
}
