package cn.jinjiang.aitraining.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language switch shows the same view in the other language: filters, sort and page numbers kept. */
class LanguageSwitchTest {
    static TestApp app;
    static WebClient client;

    @BeforeAll static void start() {
        app = TestApp.start();
        client = app.client();
    }

    @AfterAll static void stop() { app.close(); }

    /** The switch link of a page: its path and its decoded query parameters. */
    private static Map.Entry<String, Map<String, String>> switchOf(Document page) {
        URI link = URI.create(Html.one(page, "a.lang-switch").attr("href"));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : link.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return Map.entry(link.getPath(), query);
    }

    @Test
    void theFiguresTableKeepsItsFilterSortSearchAndPage() {
        Document zh = client.page("/figures?lang=zh&category=ai-learning&sort=-as_of&q=" + enc("讲座") + "&qualifier=&page=1&utm_source=x");
        var link = switchOf(zh);
        assertEquals("/figures", link.getKey());
        assertEquals(Map.of("lang", "en", "category", "ai-learning", "sort", "-as_of", "q", "讲座", "page", "1"),
                link.getValue(), "empty and unknown parameters are left out");

        // following it shows the same rows, in English, with the same filter chosen
        Document en = client.page(Html.one(zh, "a.lang-switch").attr("href"));
        assertEquals("en", en.select("html").attr("lang"));
        assertEquals(zh.select("table.figures-table tbody tr").size(), en.select("table.figures-table tbody tr").size());
        assertFalse(zh.select("table.figures-table tbody tr").isEmpty());
        assertEquals("ai-learning", Html.one(en, "#figure-category option[selected]").val());
        assertEquals("讲座", Html.one(en, "#figure-q").val());
        var back = switchOf(en);
        assertEquals("zh", back.getValue().get("lang"));
        assertEquals("-as_of", back.getValue().get("sort"));
    }

    @Test
    void theDashboardKeepsBothTablesStateAndAFigurePageItsPath() {
        Document zh = client.page("/?lang=zh&sort=label&kind=lecture&dated=yes&eq=" + enc("AI") + "&fp=1&ep=1");
        var link = switchOf(zh);
        assertEquals("/", link.getKey());
        assertEquals(Map.of("lang", "en", "sort", "label", "kind", "lecture", "dated", "yes", "eq", "AI", "fp", "1",
                "ep", "1"), link.getValue());

        var figure = switchOf(client.page("/figures/ai-lectures?lang=en"));
        assertEquals("/figures/ai-lectures", figure.getKey());
        assertEquals(Map.of("lang", "zh"), figure.getValue());

        // the plain, cached dashboard never carries what one request added to its URL
        client.page("/?lang=zh&utm_campaign=" + enc("<script>"));
        Document plain = client.page("/?lang=zh");
        assertEquals(Map.of("lang", "en"), switchOf(plain).getValue());
        assertTrue(Html.one(plain, "a.lang-switch").attr("href").startsWith("/?lang=en"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
