package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, editing and archiving events through the forms. */
class EventEditTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private Map<String, String> eventForm(String key) {
        return c.form("/admin/events/" + key, "event-form");
    }

    private Map<String, String> newEvent() {
        Map<String, String> form = eventForm("new");
        form.put("key", "lecture-2025-06-10");
        form.put("date", "2025-06-01");
        form.put("title_zh", "AI赋能政务专题讲座");
        form.put("title_en", "Lecture on AI in government services");
        form.put("kind", "lecture");
        form.put("place_zh", "晋江干部学堂");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-06-01");
        form.put("quote", "举办AI赋能政务专题讲座");
        form.put("reason", "from the June report");
        return form;
    }

    @Test
    void createEditAndArchiveAnEvent() {
        assertEquals(303, c.post("/admin/events/new", newEvent()).statusCode());
        assertTrue(c.get("/api/events").body().contains("AI赋能政务专题讲座"));

        Map<String, String> edit = eventForm("lecture-2025-06-10");
        assertEquals("AI赋能政务专题讲座", edit.get("title_zh"));
        edit.put("title_zh", "AI赋能政务服务专题讲座");
        edit.put("date", "");
        edit.put("date_note_zh", "日前");
        edit.put("reason", "title as printed");
        assertEquals(303, c.post("/admin/events/lecture-2025-06-10", edit).statusCode());
        String events = c.get("/api/events").body();
        assertTrue(events.contains("AI赋能政务服务专题讲座"));
        assertTrue(events.contains("\"undated\":true"));

        Map<String, String> archive = c.form("/admin/events/lecture-2025-06-10/archive", "archive-form");
        archive.put("reason", "not an AI training event");
        assertEquals(303, c.post("/admin/events/lecture-2025-06-10/archive", archive).statusCode());
        assertFalse(c.get("/api/events").body().contains("AI赋能政务服务专题讲座"));
        Document audit = c.page("/admin/audit?entity=event:lecture-2025-06-10");
        assertEquals(3, audit.select(".audit-entry").size());
    }

    @Test
    void eventValidationKeepsInputAndChangesNothing() {
        String before = c.get("/api/events").body();
        Map<String, String> form = newEvent();
        form.put("title_en", "");
        form.put("kind", "party");
        form.put("date", "2025-13-01");
        HttpResponse<String> r = c.post("/admin/events/new", form);
        assertEquals(422, r.statusCode());
        Document page = Html.parse(r);
        for (String field : new String[] {"title_en", "kind", "date"}) {
            assertTrue(Html.errorSummary(page).containsKey(field), "summary links to " + field);
            Html.one(page, "#" + field + "-error");
        }
        assertEquals("AI赋能政务专题讲座", Html.fields(page, "event-form").get("title_zh"), "typed value kept");
        assertEquals(before, c.get("/api/events").body());
    }

    @Test
    void staleEventEditIs409() {
        assertEquals(303, c.post("/admin/events/new", newEvent()).statusCode());
        Map<String, String> mine = eventForm("lecture-2025-06-10");
        Map<String, String> theirs = eventForm("lecture-2025-06-10");
        theirs.put("title_zh", "他们的标题");
        theirs.put("reason", "theirs");
        assertEquals(303, c.post("/admin/events/lecture-2025-06-10", theirs).statusCode());
        mine.put("title_zh", "我的标题");
        mine.put("reason", "mine");
        HttpResponse<String> r = c.post("/admin/events/lecture-2025-06-10", mine);
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("他们的标题") && r.body().contains("我的标题"));
        assertTrue(c.get("/api/events").body().contains("他们的标题"));
    }
}
