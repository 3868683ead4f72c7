package cn.jinjiang.aitraining.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * More changes than one page holds: /changes and /api/changes page them 50 at a time, newest first,
 * a page past the end goes to the last; the feed holds the newest 50 and its ids (and the pages'
 * content) are the same after the server restarts on the same database, on another port.
 */
class ChangesPagingTest {
    static final int CHANGES = 53;

    @TempDir
    Path folder;

    @Test
    @Timeout(300)
    void pagesOfFiftyNewestFirstAndFeedIdsStableAcrossARestart() throws Exception {
        List<String> idsBefore;
        String pageTwoBefore;
        TestApp app = TestApp.builder().folder(folder).start();
        try {
            WebClient admin = app.signedIn();
            for (int i = 1; i <= CHANGES; i++) {
                Map<String, String> form = admin.form("/admin/figures/ai-lectures", "figure-form");
                form.put("mode", "correction");
                form.put("value", String.valueOf(6 + i));
                form.put("reason", "step " + i);
                form.put("public_note", "第" + i + "次更正");
                HttpResponse<String> saved = admin.post("/admin/figures/ai-lectures", form);
                assertEquals(303, saved.statusCode(), saved.body());
            }
            WebClient reader = app.cookielessClient();

            Document first = reader.page("/changes");
            List<Element> items = first.select("ol.change-list > li");
            assertEquals(50, items.size());
            assertEquals("说明：第" + CHANGES + "次更正", items.get(0).selectFirst(".change-note").text(), "newest first");
            assertEquals((6 + CHANGES) + "期", items.get(0).selectFirst(".change-value").text());
            assertEquals("（原为" + (5 + CHANGES) + "期）", items.get(0).selectFirst(".change-replaced").text());
            assertEquals("/changes?page=2", first.selectFirst("nav.pager a[rel=next]").attr("href"));
            assertTrue(first.select("nav.pager a[rel=prev]").isEmpty());

            Document second = reader.page("/changes?page=2&lang=en");
            List<Element> rest = second.select("ol.change-list > li");
            assertEquals(CHANGES - 50, rest.size());
            assertEquals("Note: 第1次更正", rest.get(rest.size() - 1).selectFirst(".change-note").text(), "oldest last");
            assertEquals("Page 2 of 2", second.selectFirst("nav.pager span").text());
            assertEquals("/changes?page=1", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
            pageTwoBefore = second.select("ol.change-list").outerHtml();

            HttpResponse<String> past = reader.get("/changes?page=9");
            assertEquals(302, past.statusCode());
            assertEquals("/changes?page=2", past.headers().firstValue("Location").orElseThrow());

            JsonNode api = new ObjectMapper().readTree(reader.get("/api/changes?page=2").body());
            assertEquals(CHANGES, api.get("total").asInt());
            assertEquals(2, api.get("page_count").asInt());
            assertEquals(CHANGES - 50, api.get("changes").size());
            assertEquals("7期", api.get("changes").get(CHANGES - 51).get("value_zh").asText());
            assertEquals(302, reader.get("/api/changes?page=3").statusCode());

            Feed feed = (Feed) new WireFeedInput().build(new StringReader(reader.get("/changes.atom").body()));
            assertEquals(50, feed.getEntries().size(), "the feed holds the newest 50");
            idsBefore = feed.getEntries().stream().map(Entry::getId).toList();
            assertEquals(50, idsBefore.stream().distinct().count());
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }

        // A second server started on the same database (a restart, or another server behind the proxy;
        // on PostgreSQL the first app's database lives only while it is open, so it closes afterwards).
        try (app; TestApp again = TestApp.builder().existing(app.location()).start()) {
            WebClient reader = again.cookielessClient();
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(reader.get("/changes.atom").body()));
            assertEquals(idsBefore, feed.getEntries().stream().map(Entry::getId).toList());
            // links follow the server's address (a new port here); the ids do not
            assertTrue(feed.getEntries().get(0).getAlternateLinks().get(0).getHref().startsWith(again.baseUrl() + "/"));
            assertEquals(pageTwoBefore, reader.page("/changes?page=2&lang=en").select("ol.change-list").outerHtml());
        }
    }
}
