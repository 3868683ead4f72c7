package cn.jinjiang.aitraining.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reliability under slow clients (issue 9, item 1), loopback only and bounded in time and count:
 * {@value #SLOW} connections announce a 100,000-byte login form and send it at about one byte a
 * second. Meanwhile {@code /healthz} and the dashboard must keep answering quickly, and the slow
 * connections must be dropped by the server, not kept until they finish. (The benchmark script
 * src/bench/abuse.sh runs the same case with 1,000 connections; see the README.)
 */
class SlowClientsTest {
    static final int SLOW = 300;
    static final Duration ATTACK = Duration.ofSeconds(12);


    @Test
    void slowRequestBodiesNeitherFreezeTheServerNorStayConnected() throws Exception {
        try (TestApp app = TestApp.start()) {
            WebClient c = app.cookielessClient();
            int port = app.port();
            for (int i = 0; i < 5; i++) { // a server that has been running a while: pages rendered once
                assertEquals(200, c.get("/").statusCode());
                assertEquals(200, c.get("/healthz").statusCode());
            }
            List<Socket> sockets = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger droppedByServer = new AtomicInteger();
            ExecutorService trickle = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < SLOW; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    s.getOutputStream().write(("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nu")
                            .getBytes(StandardCharsets.US_ASCII));
                    sockets.add(s);
                }
                for (int t = 0; t < 4; t++) {
                    int shard = t;
                    trickle.submit(() -> {
                        while (!stop.get()) {
                            for (int i = shard; i < sockets.size(); i += 4) {
                                Socket s = sockets.get(i);
                                if (s.isClosed()) continue;
                                try {
                                    s.getOutputStream().write('x');
                                } catch (IOException dropped) {
                                    droppedByServer.incrementAndGet();
                                    closeQuietly(s);
                                }
                            }
                            sleep(1000);
                        }
                    });
                }
                long worstMs = 0;
                int checks = 0;
                long end = System.nanoTime() + ATTACK.toNanos();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> health = c.get("/healthz");
                    HttpResponse<String> page = c.get("/");
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(200, health.statusCode());
                    assertEquals(200, page.statusCode());
                    worstMs = Math.max(worstMs, ms);
                    checks++;
                    sleep(200);
                }
                // Before the fix both timed out (30 s) within seconds of the attack starting. The bound leaves room
                // for a busy CI machine at the moment the server drops all 300 connections at once.
                assertTrue(worstMs < 5000, "healthz and / answered within 5 s during the attack; worst " + worstMs + " ms");
                assertTrue(checks > 10, "checked often: " + checks);
                int closed = 0;
                for (Socket s : sockets) if (closedByServer(s)) closed++;
                assertTrue(closed + droppedByServer.get() >= SLOW * 9 / 10,
                        "the server dropped the slow connections: " + closed + " closed, " + droppedByServer.get() + " refused writes");
            } finally {
                stop.set(true);
                trickle.shutdown();
                trickle.awaitTermination(5, TimeUnit.SECONDS);
                for (Socket s : sockets) closeQuietly(s);
            }
        }
    }

    /** Whether the server has answered or closed this connection (a read that does not block). */
    private static boolean closedByServer(Socket s) {
        if (s.isClosed()) return true;
        try {
            s.setSoTimeout(50);
            InputStream in = s.getInputStream();
            int b = in.read();
            return true; // an answer (e.g. 408) or end of stream
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
