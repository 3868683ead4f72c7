package cn.jinjiang.aitraining.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a public note comes in: the figure and event forms (at most 200 characters, refused with a
 * message and nothing saved beyond that), a {@code public_note} column of the import, and the extract
 * page's review. Each test writes: a server each.
 */
@Timeout(180)
class PublicNoteInputTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private int auditEntries() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
    }

    private JsonNode changes() throws Exception {
        return new ObjectMapper().readTree(c.get("/api/changes").body()).get("changes");
    }

    @Test
    void theFormsOfferTheFieldAndRefuseANoteOver200Characters() throws Exception {
        Document form = c.page("/admin/figures/ai-lectures");
        Element field = Html.one(form, "#figure-form [name=public_note]");
        assertEquals("", field.val(), "never prefilled: a note belongs to one change");
        assertTrue(form.select("label[for=public_note]").text().contains("公开说明"));
        assertEquals(1, c.page("/admin/events/lecture-2025-02-28").select("#event-form [name=public_note]").size());

        Map<String, String> tooLong = c.form("/admin/figures/ai-lectures", "figure-form");
        tooLong.put("mode", "correction");
        tooLong.put("value", "7");
        tooLong.put("reason", "typo");
        tooLong.put("public_note", "更".repeat(201));
        int before = auditEntries();
        HttpResponse<String> refused = c.post("/admin/figures/ai-lectures", tooLong);
        assertEquals(422, refused.statusCode());
        Document page = Html.parse(refused);
        assertTrue(Html.errorSummary(page).containsKey("public_note"), Html.errorSummary(page).toString());
        assertEquals("更".repeat(201), Html.one(page, "[name=public_note]").val(), "what was typed is kept");
        assertEquals(before, auditEntries(), "nothing saved");

        tooLong.put("public_note", "更".repeat(200));
        assertEquals(303, c.post("/admin/figures/ai-lectures", tooLong).statusCode());
        assertEquals("更".repeat(200), changes().get(0).get("public_note").asText());

        Map<String, String> event = c.form("/admin/events/lecture-2025-02-28", "event-form");
        event.put("reason", "typo");
        event.put("public_note", "x".repeat(201));
        assertEquals(422, c.post("/admin/events/lecture-2025-02-28", event).statusCode());
        event.put("public_note", "  ");
        assertEquals(303, c.post("/admin/events/lecture-2025-02-28", event).statusCode());
        assertTrue(changes().get(0).get("public_note").isNull(), "a blank note is no note");
    }

    @Test
    void theImportReadsAPublicNoteColumn() throws Exception {
        String download = new String(c.getBytes("/figures.csv").body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = download.split("\r\n");
        StringBuilder csv = new StringBuilder(lines[0]).append(",public_note\r\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\"ai-lectures\"")) {
                line = line.replace("\"ai-learning\",6,", "\"ai-learning\",7,") + ",\"更正：原录入有误\"";
            } else {
                line = line + ",";
            }
            csv.append(line).append("\r\n");
        }
        HttpResponse<String> preview = c.upload("/admin/import", "figures.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        Document page = Html.parse(preview);
        Map<String, String> confirm = Html.fields(page, "import-apply-form");
        confirm.put("reason", "import with a note");
        HttpResponse<String> applied = c.postAsIs(Html.form(page, "import-apply-form").attr("action"), confirm);
        assertEquals(303, applied.statusCode(), applied.body());
        JsonNode first = changes().get(0);
        assertEquals("ai-lectures", first.get("key").asText());
        assertEquals("correction", first.get("kind").asText(), "an import that rewrites the value is a correction");
        assertEquals("6期", first.get("replaced_zh").asText());
        assertEquals("更正：原录入有误", first.get("public_note").asText());
        assertEquals(1, changes().size(), "unchanged rows change nothing");

        String bad = lines[0] + ",public_note\r\n" + lines[1] + ",\"" + "长".repeat(201) + "\"\r\n";
        Document refused = Html.parse(c.upload("/admin/import", "figures.csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.select("form#import-apply-form").isEmpty(), "a note over 200 characters is an error");
        assertTrue(refused.text().contains("public_note"), "the error names the column");
    }

    @Test
    void theExtractReviewCarriesOneNoteForEveryRow() throws Exception {
        String text = "今年以来，晋江市累计开展集中培训、主题沙龙、理论研讨等112场AI学习活动。9月26日，晋江举办首届干部AI应用技能大赛。";
        Document page = Html.parse(c.post("/admin/extract", Map.of("text", text, "date", "2025-09-30", "source", "晋江经济报")));
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        pairs.add(Map.entry("_csrf", Html.csrf(page)));
        for (Element row : page.select("tr.candidate")) {
            String span = row.select("label.candidate-span").text();
            if (!span.equals("112场") && !span.equals("9月26日")) continue;
            pairs.add(Map.entry("keep", Html.one(row, "input[name=keep]").val()));
            pairs.add(Map.entry("target_" + row.attr("data-index"), Html.one(row, "input.target-input").val()));
        }
        assertEquals(5, pairs.size(), "both candidates found");
        Document review = Html.parse(c.postPairs("/admin/extract/review", pairs));
        assertEquals(1, review.select("#extract-apply-form [name=public_note]").size());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", "follow-up report");
        typed.put("public_note", "据2025年9月30日报道更新");
        for (Element input : review.select("#extract-apply-form input[name^=title_en_]")) {
            typed.put(input.attr("name"), "Jinjiang holds its first AI skills contest for officials");
        }
        List<Map.Entry<String, String>> form = new ArrayList<>();
        for (Connection.KeyVal kv : Html.form(review, "extract-apply-form").formData()) {
            form.add(Map.entry(kv.key(), typed.containsKey(kv.key()) ? typed.remove(kv.key()) : kv.value()));
        }
        typed.forEach((k, v) -> form.add(Map.entry(k, v)));
        HttpResponse<String> saved = c.postPairs("/admin/extract/apply", form);
        // saved, then post/redirect/get to the list of what was saved
        assertEquals(303, saved.statusCode(), Html.errorSummary(Html.parse(saved)).toString());
        assertTrue(saved.headers().firstValue("Location").orElse("").startsWith("/admin/extract/saved/"));
        JsonNode changes = changes();
        assertEquals(2, changes.size());
        for (JsonNode change : changes) assertEquals("据2025年9月30日报道更新", change.get("public_note").asText(), change.toString());
        List<String> kinds = new ArrayList<>();
        changes.forEach(ch -> kinds.add(ch.get("entity_type").asText() + ":" + ch.get("kind").asText()));
        assertTrue(kinds.contains("figure:report") && kinds.contains("event:new"), kinds.toString());
    }
}
