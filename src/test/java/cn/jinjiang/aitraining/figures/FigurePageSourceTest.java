package cn.jinjiang.aitraining.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A figure page lists the source's headline and author when it has them, and no empty rows when not. */
class FigurePageSourceTest {
    static TestApp app;
    static WebClient admin;

    @BeforeAll static void start() {
        app = TestApp.start();
        admin = app.signedIn();
        // a figure whose source has neither headline nor author (imported without source_headline)
        String csv = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote\r\n"
                + "ai-agents-built,自建智能体,AI agents built,ai-application,120,个,over,2025年以来,2025/9/30,泉州晚报,"
                + "2025/9/30,自建智能体超过120个\r\n";
        HttpResponse<String> preview = admin.upload("/admin/import", "figures.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        Document page = Html.parse(preview);
        Map<String, String> form = Html.fields(page, "import-apply-form");
        form.put("reason", "a source without headline");
        assertEquals(303, admin.postAsIs(Html.form(page, "import-apply-form").attr("action"), form).statusCode());
    }

    @AfterAll static void stop() { app.close(); }

    private static Map<String, String> sourceRows(String path) {
        Document page = app.client().page(path);
        Element list = Html.one(page, "dl.source-list");
        List<Element> terms = list.select("dt");
        List<Element> details = list.select("dd");
        assertEquals(terms.size(), details.size());
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            assertFalse(details.get(i).text().isBlank(), path + ": empty row " + terms.get(i).text());
            rows.put(terms.get(i).text(), details.get(i).text());
        }
        return rows;
    }

    @Test
    void headlineAndAuthorAreListedWhenTheSourceHasThem() {
        Map<String, String> zh = sourceRows("/figures/ai-learning-activities?lang=zh");
        assertEquals("以“智变”促“质变” 晋江蓄力打造新时代干部教育培训新高地", zh.get("标题"));
        assertEquals("李诗怡", zh.get("作者"));
        Map<String, String> en = sourceRows("/figures/ai-learning-activities?lang=en");
        assertTrue(en.get("Headline").startsWith("From \"smart change\""), en.toString());
        assertEquals("李诗怡", en.get("Author"));
    }

    @Test
    void aSourceWithoutHeadlineOrAuthorHasNoSuchRows() {
        Map<String, String> zh = sourceRows("/figures/ai-agents-built?lang=zh");
        assertEquals("泉州晚报", zh.get("刊物"), zh.toString());
        assertFalse(zh.containsKey("标题"), zh.toString());
        assertFalse(zh.containsKey("作者"), zh.toString());
        Map<String, String> en = sourceRows("/figures/ai-agents-built?lang=en");
        assertFalse(en.containsKey("Headline"), en.toString());
        assertFalse(en.containsKey("Author"), en.toString());
    }
}
