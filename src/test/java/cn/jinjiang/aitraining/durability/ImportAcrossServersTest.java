package cn.jinjiang.aitraining.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.TestDatabase;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A parsed import waits for its confirmation in the database, not in the server that parsed it:
 * previewed on server A, confirmed on server B (two servers on one database: a file, or with
 * -Dtest.db=postgresql one PostgreSQL database), and gone with the session.
 */
@Timeout(120)
class ImportAcrossServersTest {
    private static final String CSV = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote\r\n"
            + "ai-lectures,AI专题辅导讲座,AI lectures,ai-learning,12,期,exact,2025年以来,2025-05-30,晋江经济报,2025-05-31,举办专题辅导讲座12期\r\n";

    @Test
    void aPreviewMadeOnOneServerIsConfirmedOnAnotherAndEndsWithTheSession() throws Exception {
        try (TestApp a = TestApp.start(); TestApp b = TestApp.builder().existing(a.location()).start()) {
            WebClient onA = a.signedIn();
            HttpResponse<String> preview = onA.upload("/admin/import", "figures.csv", CSV.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, preview.statusCode(), preview.body());
            Document page = Html.parse(preview);
            String action = Html.form(page, "import-apply-form").attr("action");
            Map<String, String> form = Html.fields(page, "import-apply-form");
            form.put("reason", "新报道：讲座12期");
            assertEquals(1, kept(a), "the preview is in the database");

            WebClient onB = onA.at(b.baseUrl()); // the same browser, its next request reaching server B
            HttpResponse<String> applied = onB.postAsIs(action, form);
            assertEquals(303, applied.statusCode(), applied.body());
            assertTrue(b.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":12"));
            assertEquals(0, kept(a), "a confirmed preview is used up");

            HttpResponse<String> again = onA.upload("/admin/import", "figures.csv",
                    CSV.replace(",12,", ",13,").replace("12期", "13期").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, again.statusCode());
            assertEquals(1, kept(a));
            assertEquals(303, onB.post("/admin/logout", Map.of()).statusCode());
            assertEquals(0, kept(a), "signing out (on the other server) ends what the session kept");
        }
    }

    private static int kept(TestApp app) throws Exception {
        try (Connection c = TestDatabase.connect(app.location());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM import_preview")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
