package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each route keeps the body limit declared with it: the import 2 MB (plus its envelope), the
 * extract page 4 MB, every other form 256 KB. The limit is checked before the sign-in, so no
 * session is needed to see it.
 */
@Timeout(60)
class BodyLimitTest {
    private static final int MB = 1024 * 1024;
    static TestApp app;
    static WebClient client;

    @BeforeAll static void start() {
        app = TestApp.start();
        client = app.cookielessClient();
    }

    @AfterAll static void stop() { app.close(); }

    private static HttpResponse<String> post(String path, int bytes) {
        return client.send(client.request(path, "Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])));
    }

    @Test
    void theImportTakesTwoMegabytesAndNoMore() {
        assertNotEquals(413, post("/admin/import", 2 * MB).statusCode(), "a 2 MB file fits");
        HttpResponse<String> over = post("/admin/import", 2 * MB + 65 * 1024);
        assertEquals(413, over.statusCode());
        assertTrue(over.body().contains("文件超过2 MB"), over.body());
    }

    @Test
    void theExtractPageTakesFourMegabytesAndNoMore() {
        assertNotEquals(413, post("/admin/extract", 3 * MB).statusCode(), "a 3 MB text fits");
        HttpResponse<String> over = post("/admin/extract", 4 * MB + 1);
        assertEquals(413, over.statusCode());
        assertTrue(over.body().contains("文本太长"), over.body());
        assertEquals(413, post("/admin/extract/review", 4 * MB + 1).statusCode());
    }

    @Test
    void otherFormsTakeAQuarterMegabyte() {
        assertNotEquals(413, post("/admin/figures/new", 200 * 1024).statusCode());
        HttpResponse<String> over = post("/admin/figures/new", 300 * 1024);
        assertEquals(413, over.statusCode());
        assertTrue(over.body().contains("提交的内容太大"), over.body());
        assertEquals(413, post("/admin/import/abc/apply", 300 * 1024).statusCode(), "only the upload itself takes 2 MB");
    }
}
