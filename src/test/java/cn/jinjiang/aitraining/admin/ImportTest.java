package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV import: preview, apply all or nothing, encodings, and the clear refusals. */
class ImportTest {
    private static final String HEADER = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote\r\n";
    private static final String LECTURES = "ai-lectures,AI专题辅导讲座,AI lectures,ai-learning,12,期,exact,2025年以来,2025-05-30,晋江经济报,2025-05-31,举办专题辅导讲座12期\r\n";
    private static final String NEW_ROW = "ai-agents-built,自建智能体,AI agents built,ai-application,120,个,over,2025年以来,2025-05-30,晋江经济报,2025-05-31,自建智能体超过120个\r\n";

    /** Tests that only preview or are refused share one server and session; a test that applies gets its own. */
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

    private HttpResponse<String> upload(byte[] content) {
        return c.upload("/admin/import", "figures.csv", content);
    }

    /** Posts the preview's confirm form, with its own token, as the admin's browser would. */
    private HttpResponse<String> apply(String previewHtml, String reason) {
        Document preview = Html.parse(previewHtml);
        String action = Html.form(preview, "import-apply-form").attr("action");
        assertTrue(action.matches("/admin/import/[0-9a-f]+/apply"), action);
        Map<String, String> form = Html.fields(preview, "import-apply-form");
        assertTrue(form.containsKey("_csrf"), "the confirm form carries the token");
        form.put("reason", reason);
        return c.postAsIs(action, form);
    }

    @Test
    void previewShowsBeforeAndAfterAndChangesNothingUntilConfirmed() {
        ownServer();
        String before = c.get("/api/figures").body();
        HttpResponse<String> preview = upload((HEADER + LECTURES + NEW_ROW).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        String html = preview.body();
        assertTrue(html.contains("data-key=\"ai-lectures\" data-action=\"report\""));
        assertTrue(html.contains("data-key=\"ai-agents-built\" data-action=\"create\""));
        assertTrue(html.contains("<del>6</del> → <ins>12</ins>"));
        assertEquals(before, c.get("/api/figures").body(), "a preview changes nothing");

        HttpResponse<String> noReason = apply(html, "");
        assertEquals(422, noReason.statusCode());
        assertEquals(before, c.get("/api/figures").body());

        HttpResponse<String> applied = apply(html, "June report");
        assertEquals(303, applied.statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":12"));
        assertTrue(c.get("/figures/ai-agents-built").body().contains("超过120个"));
        String audit = c.get("/admin/audit").body();
        assertEquals(2, Html.parse(audit).select(".audit-entry").size());
        assertTrue(audit.contains("June report"));
        assertEquals(410, apply(html, "again").statusCode(), "a preview is applied once");
    }

    @Test
    void ourOwnDownloadImportsAsUnchanged() {
        byte[] csv = c.get("/figures.csv").body().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = upload(csv);
        assertEquals(200, preview.statusCode(), preview.body());
        assertFalse(preview.body().contains("data-action=\"report\""));
        assertFalse(preview.body().contains("data-action=\"correction\""));
        assertTrue(preview.body().contains("data-action=\"unchanged\""));
    }

    @Test
    void sameDateAndSourceIsACorrection() {
        ownServer();
        String row = "ai-lectures,AI专题辅导讲座,AI lectures,ai-learning,7,期,exact,2025年以来,2025-05-19,晋江经济报,2025-05-19,举办专题辅导讲座7期\r\n";
        String html = upload((HEADER + row).getBytes(StandardCharsets.UTF_8)).body();
        assertTrue(html.contains("data-action=\"correction\""));
        assertEquals(303, apply(html, "fix").statusCode());
        String json = c.get("/api/figures/ai-lectures").body();
        assertTrue(json.contains("\"value\":7"));
        assertEquals(1, json.split("\"as_of\"", -1).length - 2);
    }

    @Test
    void anyErrorMeansNothingIsAppliedAndErrorsNameLineAndColumn() {
        String bad = "ai-learning-activities,AI学习活动,AI learning activities,ai-learning,lots,场,exact,2025年以来,2099-01-01,晋江经济报,2025-05-31,x\r\n";
        HttpResponse<String> preview = upload((HEADER + LECTURES + bad).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, preview.statusCode());
        String html = preview.body();
        assertTrue(html.contains("<td class=\"num\">3</td>"), "line 3");
        assertTrue(html.contains("<code>value</code>"));
        assertTrue(html.contains("<code>as_of</code>"));
        assertFalse(html.contains("/apply\""), "no confirm form while there are errors");
        assertTrue(Html.parse(html).select("form[action$=/apply]").isEmpty(), "no confirm form while there are errors");
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":6"));
    }

    @Test
    void applyIsAllOrNothingWhenAFigureChangedAfterThePreview() {
        ownServer();
        String html = upload((HEADER + LECTURES + NEW_ROW).getBytes(StandardCharsets.UTF_8)).body();
        Map<String, String> form = c.form("/admin/figures/ai-lectures", "figure-form");
        form.put("mode", "correction");
        form.put("value", "8");
        form.put("reason", "meanwhile");
        assertEquals(303, c.post("/admin/figures/ai-lectures", form).statusCode());
        HttpResponse<String> applied = apply(html, "late");
        assertEquals(409, applied.statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":8"));
        assertEquals(404, c.get("/figures/ai-agents-built").statusCode(), "the other row was not applied either");
    }

    @Test
    void gbkAndUtf8WithOrWithoutBomAreReadCorrectly() {
        ownServer();
        for (Charset charset : new Charset[] {Charset.forName("GBK"), StandardCharsets.UTF_8}) {
            String html = upload((HEADER + LECTURES).getBytes(charset)).body();
            assertTrue(html.contains("举办专题辅导讲座12期"), charset.name());
        }
        byte[] body = (HEADER + LECTURES).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        String html = upload(withBom).body();
        assertTrue(html.contains("data-action=\"report\""), html);
        String gbk = upload((HEADER + LECTURES).getBytes(Charset.forName("GBK"))).body();
        assertEquals(303, apply(gbk, "GBK file from Excel").statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("举办专题辅导讲座12期"));
    }

    @Test
    void otherEncodingsAreRefusedClearly() {
        HttpResponse<String> utf16 = upload((HEADER + LECTURES).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(422, utf16.statusCode());
        assertTrue(utf16.body().contains("既不是UTF-8也不是GBK"));
        byte[] junk = new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, (byte) 0x80, 0x41};
        assertEquals(422, upload(junk).statusCode());
    }

    @Test
    void unknownColumnsAndDuplicateKeysGetClearMessages() {
        HttpResponse<String> unknown = upload(("key,label_zh,colour\r\nx,y,z\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("未知的列“colour”"));
        assertTrue(unknown.body().contains("缺少列“value”"));
        HttpResponse<String> duplicate = upload((HEADER + LECTURES + LECTURES).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, duplicate.statusCode());
        assertTrue(duplicate.body().contains("标识 ai-lectures 重复出现，第2行已有"), duplicate.body());
    }

    @Test
    void filesOver2MbAreRefusedClearly() {
        StringBuilder big = new StringBuilder(HEADER);
        while (big.length() < 2 * 1024 * 1024 + 10) big.append(LECTURES);
        HttpResponse<String> r = upload(big.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("2 MB"));
        assertEquals(200, c.get("/admin").statusCode());
    }

    @Test
    void importNeedsCsrf() {
        HttpResponse<String> r = c.uploadAsIs("/admin/import", "forged", "figures.csv", (HEADER + LECTURES).getBytes(StandardCharsets.UTF_8));
        assertEquals(403, r.statusCode());
    }
}
