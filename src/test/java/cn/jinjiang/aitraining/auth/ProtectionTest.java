package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.AdminTestClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRF, same-origin, methods, body limits and headers, on every admin route. */
class ProtectionTest {
    @TempDir Path dir;
    AdminTestClient c;

    @BeforeEach void start() {
        c = AdminTestClient.start(dir);
        c.login();
    }

    @AfterEach void stop() { c.close(); }

    private Map<String, String> correction(String value) {
        String html = c.get("/admin/figures/ai-lectures").body();
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
        form.put("version", AdminTestClient.inputValue(html, "version"));
        return form;
    }

    private String lecturesJson() {
        return c.get("/api/figures/ai-lectures").body();
    }

    @Test
    void missingWrongOrForeignCsrfTokenIs403AndChangesNothing() {
        String before = lecturesJson();
        Map<String, String> form = correction("99");
        assertEquals(403, c.post("/admin/figures/ai-lectures", form).statusCode(), "missing");
        form.put("_csrf", "wrong-token");
        assertEquals(403, c.post("/admin/figures/ai-lectures", form).statusCode(), "wrong");
        // A token from another browser's session is not this session's token.
        CookieManager otherJar = new CookieManager();
        var other = c.otherBrowser(otherJar);
        String otherToken = AdminTestClient.csrf(c.send(other, c.request("/admin/login").GET().build()).body());
        form.put("_csrf", otherToken);
        assertEquals(403, c.post("/admin/figures/ai-lectures", form).statusCode(), "other session");
        assertEquals(before, lecturesJson());
        assertTrue(c.get("/admin/audit").body().contains("暂无记录"));
    }

    @Test
    void csrfTokenInAHeaderIsAccepted() {
        Map<String, String> form = correction("31");
        String token = AdminTestClient.csrf(c.get("/admin").body());
        assertEquals(303, c.post("/admin/figures/ai-lectures", form, "X-CSRF-Token", token).statusCode());
        assertTrue(lecturesJson().contains("\"value\":31"));
    }

    @Test
    void foreignOriginOrCrossSiteFetchIs403EvenWithTheToken() {
        String before = lecturesJson();
        Map<String, String> form = correction("99");
        form.put("_csrf", AdminTestClient.csrf(c.get("/admin").body()));
        assertEquals(403, c.post("/admin/figures/ai-lectures", form, "Origin", "https://evil.example").statusCode());
        assertEquals(403, c.post("/admin/figures/ai-lectures", form, "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(before, lecturesJson());
        assertEquals(303, c.post("/admin/figures/ai-lectures", form, "Origin", c.base, "Sec-Fetch-Site", "same-origin").statusCode());
    }

    @Test
    void traceAndUnservedMethodsAre405() {
        for (String path : new String[] {"/admin", "/admin/login", "/", "/admin/figures/ai-lectures"}) {
            var trace = c.send(c.http, c.request(path).method("TRACE", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, trace.statusCode(), "TRACE " + path);
            assertFalse(trace.body().contains("Cookie"), "TRACE must not echo the request");
        }
        assertEquals(405, c.send(c.http, c.request("/admin/audit").DELETE().build()).statusCode());
        assertEquals(405, c.send(c.http, c.request("/admin/figures/ai-lectures")
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());
    }

    @Test
    void oversizedBodyIs413QuicklyAndTheServerKeepsRunning() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", c.app.port())) {
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
        HttpResponse<String> loginPage = c.send(c.otherBrowser(new CookieManager()), c.request("/admin/login").GET().build());
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

    @Test
    void getNeverChangesState() {
        String before = lecturesJson();
        c.get("/admin/figures/ai-lectures?mode=correction&value=1&reason=x");
        c.get("/admin/figures/ai-lectures/archive?reason=x");
        c.get("/admin/audit/1/revert");
        assertEquals(before, lecturesJson());
    }
}
