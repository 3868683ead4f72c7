package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that hangs up mid-response is not an error of ours (issue 9, item 6). */
class AbortedRequestTest {
    @TempDir Path dir;

    @Test
    void aClientThatGoesAwayLeavesNoErrorOrStackTraceInTheLog() throws Exception {
        Path db = dir.resolve("dashboard.db");
        assertEquals(0, App.commandLine().execute("generate", "--db", db.toString(), "--figures", "3000",
                "--observations", "1", "--events", "10"));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TestApp server = TestApp.builder().folder(dir).start()) {
            WebClient app = server.cookielessClient();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 5; i++) {
                try (Socket s = new Socket()) {
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /api/figures" + (i % 2 == 0 ? "" : "?x=" + i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = s.getInputStream();
                    assertTrue(in.read(new byte[512]) > 0, "the answer started");
                    Thread.sleep(300); // the server is now blocked writing the rest
                    s.setSoLinger(true, 0); // hang up hard (RST), mid-response
                }
            }
            Thread.sleep(1000);
            assertEquals(200, app.get("/healthz").statusCode());
        } finally {
            System.setErr(originalErr);
        }
        String written = log.toString(StandardCharsets.UTF_8);
        assertFalse(written.contains("ERROR"), "no error logged:\n" + head(written));
        assertFalse(written.contains("\tat "), "no stack trace:\n" + head(written));
    }

    private static String head(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) : s;
    }
}
