package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken multipart body (cut off, or with a boundary other than the one declared) sent to every
 * POST route, signed in or not, is answered with a 4xx page and changes nothing; never a 500
 * (issue 9, item 5).
 */
@Timeout(120)
class MalformedMultipartTest {
    static TestApp app;
    static WebClient signedIn;
    static WebClient anonymous;

    /** Every POST route of WebApp, with real keys where the route has one. */
    static List<String> postRoutes() {
        return List.of("/admin/login", "/admin/logout", "/admin/figures/new", "/admin/figures/ai-lectures",
                "/admin/figures/ai-lectures/archive", "/admin/events/new", "/admin/events/lecture-2025-02-28",
                "/admin/events/lecture-2025-02-28/archive", "/admin/audit/1/revert", "/admin/import",
                "/admin/import/abc/apply", "/admin/extract", "/admin/extract/review", "/admin/extract/apply");
    }

    @BeforeAll static void start() {
        app = TestApp.start();
        signedIn = app.signedIn();
        anonymous = app.cookielessClient();
    }

    @AfterAll static void stop() { app.close(); }

    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 409, 413, 422);

    private static String auditCount() {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) || '/' || (SELECT COUNT(*) FROM observation) FROM audit_entry").mapTo(String.class).one());
    }

    private static HttpResponse<String> send(WebClient client, String path, String declaredBoundary, String body) {
        return client.send(client.request(path, "Content-Type", "multipart/form-data; boundary=" + declaredBoundary,
                        "Origin", client.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("postRoutes")
    void brokenMultipartBodiesAreRefusedNotCrashedOn(String path) {
        String before = auditCount();
        String token = signedIn.csrfToken();
        String truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nkey,label_zh\r\nai-lectures,讲";
        String otherBoundary = "--AbC\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--AbC--\r\n";
        for (WebClient client : List.of(signedIn, anonymous)) {
            for (String[] c : new String[][] {{"XyZ", truncated}, {"XyZ", otherBoundary}, {"", otherBoundary}}) {
                HttpResponse<String> r = send(client, path, c[0], c[1]);
                assertTrue(REFUSALS.contains(r.statusCode()) || (r.statusCode() == 303 && client == anonymous),
                        path + " answered " + r.statusCode() + ": " + r.body());
                assertTrue(!r.body().contains("\tat ") && !r.body().contains("Exception"), "no stack trace: " + r.body());
            }
        }
        assertEquals(before, auditCount(), "nothing changed");
        assertEquals(200, signedIn.get("/admin").statusCode(), "still signed in");
    }
}
