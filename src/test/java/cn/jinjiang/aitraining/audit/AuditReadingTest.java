package cn.jinjiang.aitraining.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import cn.jinjiang.aitraining.values.UnusualChange;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log reads like the pages (issue 10): field names in the user's language (the forms'
 * labels), values as the dashboard shows them, targets by their label with the key in small print,
 * no internals such as {@code observations[21].value}. The CSV's {@code changes} column is derived
 * from the same field lists; its columns stay as they were.
 */
class AuditReadingTest {
    static TestApp app;
    static WebClient c;
    static long investmentEntry;
    static long eventEntry;
    static long reportEntry;

    @BeforeAll static void changeSomething() {
        app = TestApp.start();
        c = app.signedIn();
        // The case: 3.1亿 corrected to "3.1" (confirmed as unusual).
        Map<String, String> form = c.form("/admin/figures/ai-scenario-investment", "figure-form");
        form.put("mode", "correction");
        form.put("value", "3.1");
        form.put("reason", "typo");
        form.put(UnusualChange.CONFIRM_FIELD, "yes");
        assertEquals(303, c.post("/admin/figures/ai-scenario-investment", form).statusCode());
        investmentEntry = newest();
        // A new report adds an observation.
        Map<String, String> report = c.form("/admin/figures/ai-lectures", "figure-form");
        report.put("mode", "report");
        report.put("value", "9");
        report.put("as_of", "2025-09-30");
        report.put("source_date", "2025-09-30");
        report.put("reason", "September report");
        assertEquals(303, c.post("/admin/figures/ai-lectures", report).statusCode());
        reportEntry = newest();
        Map<String, String> event = c.form("/admin/events/lecture-2025-02-28", "event-form");
        event.put("title_zh", "新的标题");
        event.put("reason", "retitled");
        assertEquals(303, c.post("/admin/events/lecture-2025-02-28", event).statusCode());
        eventEntry = newest();
    }

    @AfterAll static void stop() { app.close(); }

    private static long newest() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit_entry").mapTo(Long.class).one());
    }

    private static List<String> changes(Document page, long id) {
        return Html.one(page, "#audit-" + id).select("ul.changes li").eachText();
    }

    @Test
    void valuesAreShownAsOnThePageWithFieldNamesInTheUsersLanguage() {
        Document zh = c.page("/admin/audit?lang=zh");
        assertEquals(List.of("数值（2025年5月19日的报道）: 2.77亿元 → 3.1元"), changes(zh, investmentEntry));
        Document en = c.page("/admin/audit?lang=en");
        List<String> english = changes(en, investmentEntry);
        assertEquals(1, english.size(), english.toString());
        assertTrue(english.get(0).startsWith("Value (report of "), english.get(0));
        assertFalse(english.get(0).matches(".*\\p{IsHan}.*"), english.get(0));
        assertTrue(english.get(0).contains("277 million") || english.get(0).contains("277,000,000"), english.get(0));
    }

    @Test
    void aNewReportIsNamedByItsDate() {
        List<String> lines = changes(c.page("/admin/audit?lang=zh"), reportEntry);
        assertTrue(lines.contains("数值（2025年9月30日的报道）: → 9期"), lines.toString());
        assertTrue(lines.contains("截至日期（2025年9月30日的报道）: → 2025年9月30日"), lines.toString());
        assertTrue(lines.contains("限定（2025年9月30日的报道）: → 确数"), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.contains("2025年9月30日的报道")), "only the new observation changed: " + lines);
    }

    @Test
    void targetsAreShownByLabelWithTheKeyInSmallPrint() {
        Document zh = c.page("/admin/audit?lang=zh");
        Element target = Html.one(zh, "#audit-" + investmentEntry).select("td").get(4);
        assertEquals("场景项目总投资", Html.one(target, "a").text());
        assertEquals("figure:ai-scenario-investment", Html.one(target, "small code").text());
        Element event = Html.one(zh, "#audit-" + eventEntry).select("td").get(4);
        assertEquals("新的标题", Html.one(event, "a").text());
        assertEquals(List.of("标题（中文）: " + oldEventTitle() + " → 新的标题"), changes(zh, eventEntry));
        Document en = c.page("/admin/audit?lang=en");
        assertEquals("Total investment in the scenario projects",
                Html.one(Html.one(en, "#audit-" + investmentEntry).select("td").get(4), "a").text().replaceAll("\\s+", " "));
    }

    @Test
    void noInternalsAnywhere() {
        for (String path : List.of("/admin/audit?lang=zh", "/admin/audit?lang=en")) {
            String text = c.page(path).select("ul.changes").text();
            assertFalse(text.contains("observations["), text);
            assertFalse(text.contains("label_zh"), text);
            assertFalse(text.contains("310000000") || text.contains("277000000"), text);
        }
    }

    @Test
    void theCsvKeepsItsColumnsAndSaysWhatChangedReadably() {
        String csv = c.get("/admin/audit.csv?lang=zh").body();
        assertTrue(csv.startsWith("\uFEFF\"id\",\"occurred_at\",\"user\",\"action\",\"entity_type\",\"entity_key\",\"changes\","
                + "\"reason\",\"reverts_id\",\"before_json\",\"after_json\"\r\n"), csv.substring(0, 200));
        assertTrue(csv.contains("\"数值（2025年5月19日的报道）: 2.77亿元 → 3.1元\""), csv);
        assertFalse(csv.contains("observations[") && csv.contains("].value: "), "no internal paths in changes");
    }

    private static String oldEventTitle() {
        String before = app.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT before_json FROM audit_entry WHERE id = :id")
                .bind("id", eventEntry).mapTo(String.class).one());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(before).path("title_zh").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
