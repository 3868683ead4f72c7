package cn.jinjiang.aitraining.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An audit entry written before some fields existed (no format number, no {@code headline} or
 * {@code unit_en}, observations without {@code qualifier_word} or {@code source_en}) still reverts,
 * and the fields it does not know keep their current values.
 */
class OldAuditEntryTest {
    private static final String KEY = "ai-lectures";
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    @Test
    void anEntryFromBeforeAFieldExistedStillReverts() {
        FigureState now = app.services().adminFigures().state(KEY).orElseThrow();
        FigureState.ObservationState o = now.latest();
        String before = """
                {"key":"%s","label_zh":"AI专题辅导讲座（旧称）","label_en":"AI lectures (old name)","category":"%s",
                 "sort_order":%d,"archived":false,"version":%d,
                 "observations":[{"id":%d,"value":%s,"unit":"%s","qualifier":"%s","period_zh":"%s","period_en":"%s",
                   "as_of":"%s","source_id":%d,"source":"%s","source_date":"%s","quote":"%s"}]}"""
                .formatted(KEY, now.category(), now.sortOrder(), now.version() - 1, o.id(), o.value().toPlainString(),
                        o.unit(), o.qualifier(), o.periodZh(), o.periodEn(), o.asOf(), o.sourceId(), o.source(),
                        o.sourceDate(), o.quote());
        String after = "{\"key\":\"%s\",\"version\":%d}".formatted(KEY, now.version());
        long id = app.services().database().jdbi().withHandle(h -> h.createUpdate("""
                        INSERT INTO audit_entry (occurred_at, username, action, entity_type, entity_key, before_json,
                                                 after_json, reason)
                        VALUES ('2025-06-01T08:00:00Z', 'editor', 'edit', 'figure', :key, :before, :after, 'old entry')""")
                .bind("key", KEY).bind("before", before).bind("after", after)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());

        assertEquals(303, c.post("/admin/audit/" + id + "/revert", Map.of()).statusCode());

        FigureState reverted = app.services().adminFigures().state(KEY).orElseThrow();
        assertEquals("AI专题辅导讲座（旧称）", reverted.labelZh());
        assertEquals(now.headline(), reverted.headline(), "a field the entry did not know keeps its value");
        assertEquals(now.unitEn(), reverted.unitEn());
        assertEquals(now.observations().size(), reverted.observations().size());
        assertEquals(o.qualifierWord(), reverted.latest().qualifierWord());
        assertEquals(0, o.value().compareTo(reverted.latest().value()));
        assertTrue(c.get("/figures/" + KEY).body().contains("AI专题辅导讲座（旧称）"));
    }

    @Test
    void newEntriesCarryTheirFormat() {
        Map<String, String> form = c.form("/admin/figures/" + KEY, "figure-form");
        form.put("mode", "correction");
        form.put("value", "7");
        form.put("reason", "typo");
        assertEquals(303, c.post("/admin/figures/" + KEY, form).statusCode());
        String stored = app.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT after_json FROM audit_entry ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertTrue(stored.startsWith("{\"format\":1,"), stored);
        assertTrue(stored.contains("\"label_zh\":"), "field names are the audit format's own: " + stored);
    }
}
