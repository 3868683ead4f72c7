package cn.jinjiang.aitraining.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a shared link shows: the page's title, its description, Open Graph tags and the preview picture. */
class LinkPreviewTest {
    static TestApp app;
    static WebClient client;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        client = app.cookielessClient();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static String meta(Document page, String name) {
        var element = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        assertTrue(element != null, "meta " + name);
        return element.attr("content");
    }

    @Test
    void theDashboardSaysWhatItShowsWithItsKeyFiguresInBothLanguages() {
        Document zh = client.page("/?lang=zh");
        assertEquals("晋江干部“AI赋能”培训数据看板", zh.title());
        String description = meta(zh, "description");
        assertTrue(description.startsWith("核心数据：AI学习活动68场；AI学习培训覆盖干部近9,000人次；"), description);
        assertEquals(description, meta(zh, "og:description"));
        assertEquals(zh.title(), meta(zh, "og:title"));
        assertEquals(app.baseUrl() + "/", meta(zh, "og:url"));
        assertEquals("website", meta(zh, "og:type"));
        assertEquals("晋江干部AI培训数据看板", meta(zh, "og:site_name"));
        assertEquals("zh_CN", meta(zh, "og:locale"));
        assertEquals(app.baseUrl() + "/preview.png?lang=zh", meta(zh, "og:image"));

        Document en = client.page("/?lang=en");
        assertEquals("Jinjiang AI Training for Officials — Dashboard", en.title());
        assertTrue(meta(en, "description").startsWith("Key figures: AI learning activities 68 "), meta(en, "description"));
        assertTrue(meta(en, "description").contains("nearly 9,000 attendances"), meta(en, "description"));
        assertEquals("Jinjiang AI Training Dashboard", meta(en, "og:site_name"));
        assertEquals("en_US", meta(en, "og:locale"));
        assertEquals(app.baseUrl() + "/preview.png?lang=en", meta(en, "og:image"));
    }

    @Test
    void aFigurePageIsTitledWithItsValueAndDescribedByItsQuote() {
        Document zh = client.page("/figures/ai-learning-activities?lang=zh");
        assertEquals("AI学习活动：68场 · 晋江干部AI培训数据看板", zh.title());
        assertEquals(zh.title(), meta(zh, "og:title"));
        String description = meta(zh, "description");
        assertTrue(description.startsWith("AI学习活动：68场（2025年以来，截至2025年5月19日）"), description);
        assertTrue(description.contains("“晋江市开展集中培训、主题沙龙、理论研讨等68场丰富多样的学习活动”"), description);
        assertEquals("article", meta(zh, "og:type"));
        assertEquals(app.baseUrl() + "/figures/ai-learning-activities", meta(zh, "og:url"));

        Document en = client.page("/figures/ai-training-attendance?lang=en");
        assertEquals("Officials reached by AI training: nearly 9,000 attendances · Jinjiang AI Training Dashboard", en.title());
        assertTrue(meta(en, "description").contains("覆盖干部近9000人次"), meta(en, "description"));
        assertEquals("en_US", meta(en, "og:locale"));
    }

    @Test
    void theNotFoundPageAndTheSignInPageHavePreviewsToo() {
        for (String path : List.of("/no-such-page", "/figures/no-such-figure", "/admin/login")) {
            for (String lang : List.of("zh", "en")) {
                Document page = client.page(path + "?lang=" + lang);
                assertFalse(page.title().isBlank(), path);
                assertFalse(meta(page, "description").isBlank(), path);
                assertEquals(app.baseUrl() + path, meta(page, "og:url"), path);
                assertEquals(app.baseUrl() + "/preview.png?lang=" + lang, meta(page, "og:image"), path);
                assertEquals(lang.equals("zh") ? "zh_CN" : "en_US", meta(page, "og:locale"), path);
            }
        }
    }

    @Test
    void thePreviewPictureShowsTheKeyFiguresAndIsCachedPerDataVersion() throws IOException {
        HttpResponse<byte[]> zh = client.getBytes("/preview.png?lang=zh");
        assertEquals(200, zh.statusCode());
        assertEquals("image/png", zh.headers().firstValue("Content-Type").orElseThrow());
        String etag = zh.headers().firstValue("ETag").orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(zh.body()));
        assertEquals(PreviewRenderer.WIDTH, image.getWidth());
        assertEquals(PreviewRenderer.HEIGHT, image.getHeight());
        assertTrue(darkPixels(image, 78, 220, 300, 60) > 300, "the first card's value is drawn");

        assertEquals(304, client.getBytes("/preview.png?lang=zh", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> en = client.getBytes("/preview.png?lang=en");
        // Kept under target/screenshots for people to look at.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/preview-zh.png"), zh.body());
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/preview-en.png"), en.body());
        assertNotEquals(etag, en.headers().firstValue("ETag").orElseThrow());
        assertFalse(java.util.Arrays.equals(zh.body(), en.body()), "each language has its own picture");
        assertArrayEquals(zh.body(), client.getBytes("/preview.png?lang=zh").body(), "kept until the data changes");

        WebClient admin = app.signedIn();
        Map<String, String> form = admin.form("/admin/figures/ai-learning-activities", "figure-form");
        form.put("mode", "correction");
        form.put("value", "69");
        form.put("reason", "a later count");
        assertEquals(303, admin.post("/admin/figures/ai-learning-activities", form).statusCode());
        HttpResponse<byte[]> changed = client.getBytes("/preview.png?lang=zh", "If-None-Match", etag);
        assertEquals(200, changed.statusCode(), "a new data version, a new picture");
        assertFalse(java.util.Arrays.equals(zh.body(), changed.body()));
    }

    @Test
    void theBundledFontDrawsEveryKeyFiguresLabelAndValue() {
        PreviewRenderer renderer = new PreviewRenderer();
        var headline = app.services().figures().headline();
        assertTrue(headline.size() >= 6);
        for (Lang lang : Lang.values()) {
            assertTrue(renderer.canDraw(Messages.get(lang, "app.title")), Messages.get(lang, "app.title"));
            assertTrue(renderer.canDraw(Messages.get(lang, "preview.footer")));
            for (var f : headline) {
                assertTrue(renderer.canDraw(f.label(lang)), f.label(lang));
                assertTrue(renderer.canDraw(f.display(lang)), f.display(lang));
                assertTrue(renderer.canDraw(f.latest().period(lang)), f.latest().period(lang));
            }
        }
    }

    @Test
    @Timeout(30)
    void linksAreBuiltFromTheHostAskedForAndTheProxysSchemeOnlyWhenTrusted() throws IOException {
        String page = rawGet(app.port(), "/?lang=zh", "Host: dashboard.example.org:8443", "X-Forwarded-Proto: https");
        assertEquals("http://dashboard.example.org:8443/", meta(Jsoup.parse(page), "og:url"), "no --behind-proxy: the header is ignored");
        String other = rawGet(app.port(), "/?lang=zh", "Host: intranet.local");
        assertEquals("http://intranet.local/", meta(Jsoup.parse(other), "og:url"), "a page kept for one host is not served to another");
        assertEquals("http://intranet.local/preview.png?lang=zh", meta(Jsoup.parse(other), "og:image"));

        try (TestApp proxied = TestApp.builder().behindProxy(true).start()) {
            String https = rawGet(proxied.port(), "/figures/ai-lectures?lang=en", "Host: dashboard.example.org", "X-Forwarded-Proto: https");
            assertEquals("https://dashboard.example.org/figures/ai-lectures", meta(Jsoup.parse(https), "og:url"));
        }
        try (TestApp untrusted = TestApp.builder().behindProxy(true).trustedProxies(List.of("10.0.0.9")).start()) {
            String plain = rawGet(untrusted.port(), "/?lang=en", "Host: dashboard.example.org", "X-Forwarded-Proto: https");
            assertEquals("http://dashboard.example.org/", meta(Jsoup.parse(plain), "og:url"), "only a trusted proxy's scheme counts");
        }
    }

    private static long darkPixels(BufferedImage image, int x0, int y0, int w, int h) {
        long dark = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100) dark++;
            }
        }
        return dark;
    }

    /** A GET with headers the JDK's client does not let a caller set (Host). */
    private static String rawGet(int port, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            for (String h : headers) request.append(h).append("\r\n");
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}
