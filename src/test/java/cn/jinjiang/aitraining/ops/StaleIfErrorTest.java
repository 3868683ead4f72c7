package cn.jinjiang.aitraining.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away (its folder is moved, so no connection can be opened, and the pool's open
 * connections are dropped, as a database server going down drops them) and comes back: meanwhile
 * public pages come from memory with the "data cannot be updated" banner, /healthz says 503, and
 * changes are refused with 503 and a message, leaving nothing behind; afterwards everything works
 * again without a restart.
 */
class StaleIfErrorTest {
    static final String KEY = "ai-training-attendance";

    @TempDir Path parent;

    @Test
    @Timeout(240)
    void pagesStayUpMarkedStaleWhileTheDatabaseIsAwayAndEverythingResumesAfter() throws Exception {
        Path folder = parent.resolve("data");
        Path away = parent.resolve("data-away");
        try (TestApp app = TestApp.builder().folder(folder).start()) {
            WebClient visitor = app.cookielessClient();
            HttpResponse<String> zh = visitor.get("/");
            HttpResponse<String> en = visitor.get("/?lang=en");
            HttpResponse<byte[]> csv = visitor.getBytes("/figures.csv");
            assertEquals(200, zh.statusCode());
            assertEquals(200, en.statusCode());
            assertTrue(Html.parse(zh).select("#stale-banner").isEmpty(), "no banner while all is well");
            String etag = zh.headers().firstValue("ETag").orElseThrow();

            WebClient editor = app.signedIn();
            Map<String, String> form = editor.form("/admin/figures/" + KEY, "figure-form");
            form.put("mode", "report");
            form.put("value", "9100");
            form.put("reason", "sent while the database was away");
            form.put("confirm_unusual", "yes");

            // The database goes away.
            Files.move(folder, away);
            app.database().pool().getHikariPoolMXBean().softEvictConnections();
            long t0 = System.nanoTime();
            HttpResponse<String> health = waitFor(visitor, "/healthz", status -> status == 503);
            System.out.println("Outage noticed after (ms): " + (System.nanoTime() - t0) / 1_000_000);
            assertTrue(health.body().contains("\"unreachable\""), health.body());

            HttpResponse<String> staleZh = visitor.get("/");
            assertEquals(200, staleZh.statusCode(), "the kept page is served");
            Document page = Html.parse(staleZh);
            assertEquals(Messages.get(Lang.ZH, "stale.banner"), page.select("#stale-banner").text());
            assertEquals("数据暂时无法更新", page.select("#stale-banner").text());
            assertTrue(staleZh.headers().firstValue("ETag").isEmpty(), "a stale copy carries no ETag");
            assertEquals("no-store", staleZh.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(Html.parse(zh).select("main").outerHtml(), page.select("main").outerHtml(), "the same page otherwise");
            HttpResponse<String> conditional = visitor.get("/", "If-None-Match", etag);
            assertEquals(200, conditional.statusCode(), "no 304 that would hide the banner");

            HttpResponse<String> staleEn = visitor.get("/?lang=en");
            assertEquals("Data temporarily cannot be updated", Html.parse(staleEn).select("#stale-banner").text());
            HttpResponse<byte[]> staleCsv = visitor.getBytes("/figures.csv");
            assertEquals(200, staleCsv.statusCode());
            assertArrayEquals(csv.body(), staleCsv.body(), "downloads are served as kept");

            // What was never kept cannot be served: 503 with the message, not a stack trace.
            HttpResponse<String> notKept = visitor.get("/figures/" + KEY + "?lang=en");
            assertEquals(503, notKept.statusCode());
            assertTrue(notKept.body().contains(Messages.get(Lang.EN, "error.database_unavailable")), notKept.body());

            // A change is refused at once, in the user's language.
            long started = System.nanoTime();
            HttpResponse<String> refused = editor.post("/admin/figures/" + KEY, form);
            assertEquals(503, refused.statusCode());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "refused without waiting for the pool");
            assertTrue(refused.body().contains(Messages.get(Lang.ZH, "error.database_unavailable")), refused.body());
            assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
            HttpResponse<String> refusedEn = editor.post("/admin/figures/" + KEY + "?lang=en", form);
            assertEquals(503, refusedEn.statusCode());
            assertTrue(refusedEn.body().contains(Messages.get(Lang.EN, "error.database_unavailable")));
            assertEquals(503, editor.get("/admin").statusCode(), "the admin area needs the database");
            HttpResponse<String> api = visitor.get("/api/figures/" + KEY);
            assertEquals(503, api.statusCode());
            assertTrue(api.body().contains("\"database_unavailable\""), api.body());

            // The database comes back: no restart.
            Files.move(away, folder);
            long t1 = System.nanoTime();
            waitFor(visitor, "/healthz", status -> status == 200);
            System.out.println("Recovered after (ms): " + (System.nanoTime() - t1) / 1_000_000);
            HttpResponse<String> fresh = visitor.get("/");
            assertTrue(Html.parse(fresh).select("#stale-banner").isEmpty(), "the banner is gone");
            assertEquals(etag, fresh.headers().firstValue("ETag").orElse(null), "nothing changed meanwhile");
            String current = visitor.get("/api/figures/" + KEY).body();
            assertTrue(java.util.regex.Pattern.compile("\"value\"\\s*:\\s*9000\\b").matcher(current).find(),
                    "the refused change left nothing: " + current);
            long audited = app.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM audit_entry WHERE reason = :r").bind("r", form.get("reason")).mapTo(Long.class).one());
            assertEquals(0, audited, "no audit entry of the refused change");

            Map<String, String> again = editor.form("/admin/figures/" + KEY, "figure-form");
            again.put("mode", "report");
            again.put("value", "9100");
            again.put("reason", "after the database came back");
            again.put("confirm_unusual", "yes");
            assertEquals(303, editor.post("/admin/figures/" + KEY, again).statusCode(), "changes work again");
            HttpResponse<String> changed = visitor.get("/figures/" + KEY + "?lang=en");
            assertEquals(200, changed.statusCode());
            assertTrue(changed.body().contains("9,100"), "the new value is served");
            assertFalse(changed.headers().firstValue("ETag").orElse("").equals(etag));
        }
    }

    private static HttpResponse<String> waitFor(WebClient client, String path, IntPredicate status) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            HttpResponse<String> response = client.get(path);
            if (status.test(response.statusCode())) return response;
            if (System.nanoTime() > deadline) throw new AssertionError(path + " still answers " + response.statusCode());
            Thread.sleep(100);
        }
    }
}
