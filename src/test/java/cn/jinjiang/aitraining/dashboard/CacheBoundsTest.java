package cn.jinjiang.aitraining.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered-response cache cannot be flooded, and large bodies are kept too (issue 9, item 3 and info). */
class CacheBoundsTest {
    @TempDir Path folder;

    @Test
    void madeUpPageNumbersAreRedirectedAndNeverRendered() {
        try (TestApp server = TestApp.builder().folder(folder).start()) {
            WebClient app = server.cookielessClient();
            for (int fp = 100_002; fp < 100_202; fp++) {
                HttpResponse<String> r = app.get("/?fp=" + fp + "&ep=" + (fp % 7 + 1));
                assertEquals(302, r.statusCode(), "page " + fp);
                assertEquals("/?fp=1&ep=1", r.headers().firstValue("Location").orElseThrow());
                assertTrue(r.headers().firstValue("ETag").isEmpty(), "nothing rendered to keep");
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
            }
            assertEquals(200, app.get("/?fp=1&ep=1").statusCode());
        }
    }

    @Test
    void aLargeJsonIsKeptGzippedAndStillServedPlain() throws Exception {
        assertEquals(0, App.commandLine().execute("generate", "--db", folder.resolve("dashboard.db").toString(),
                "--figures", "4000", "--observations", "1", "--events", "10"));
        try (TestApp server = TestApp.builder().folder(folder).start()) {
            WebClient app = server.cookielessClient();
            HttpResponse<byte[]> rendered = app.getBytes("/api/figures", "Accept-Encoding", "identity");
            assertEquals(200, rendered.statusCode());
            assertTrue(rendered.body().length > 1 << 20, "over 1 MB: " + rendered.body().length);
            HttpResponse<byte[]> kept = app.getBytes("/api/figures", "Accept-Encoding", "gzip");
            assertEquals("gzip", kept.headers().firstValue("Content-Encoding").orElse(""));
            assertTrue(kept.headers().firstValue("Content-Length").isPresent(), "sent in one piece from the cache");
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(kept.body())).readAllBytes();
            assertArrayEquals(rendered.body(), unzipped);
            HttpResponse<byte[]> plainAgain = app.getBytes("/api/figures", "Accept-Encoding", "identity");
            assertArrayEquals(rendered.body(), plainAgain.body(), "unzipped from the cache for clients without gzip");
        }
    }
}
