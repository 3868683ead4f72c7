package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a burst, the server's extra request workers end within seconds of having nothing to do
 * (their stacks are memory), down to the pool's minimum; the pool keeps Javalin's bounds and
 * reserves no threads.
 */
@Timeout(60)
class WorkerThreadsTest {
    @Test
    void extraWorkersEndSoonAfterABurst() throws InterruptedException {
        try (TestApp test = TestApp.start()) {
            Javalin app = WebApp.create(test.services());
            app.start("127.0.0.1", 0);
            try {
                var pool = (QueuedThreadPool) app.jettyServer().server().getThreadPool();
                assertEquals(WebApp.MIN_WORKERS, pool.getMinThreads());
                assertEquals(WebApp.MAX_WORKERS, pool.getMaxThreads());
                assertEquals(0, pool.getReservedThreads(), "the selector hands requests to idle workers (fewer thread switches)");

                // A burst: thirty tasks at once, each holding a worker until released.
                CountDownLatch release = new CountDownLatch(1);
                CountDownLatch running = new CountDownLatch(30);
                for (int i = 0; i < 30; i++) {
                    pool.execute(() -> {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
                assertTrue(running.await(20, TimeUnit.SECONDS), "thirty workers ran at once");
                int during = pool.getThreads();
                assertTrue(during >= 30, "the pool grew to " + during);
                release.countDown();

                long deadline = System.nanoTime() + WebApp.IDLE_WORKER_TIMEOUT.plus(Duration.ofSeconds(10)).toNanos();
                while (pool.getThreads() > WebApp.MIN_WORKERS && System.nanoTime() < deadline) Thread.sleep(100);
                assertTrue(pool.getThreads() <= WebApp.MIN_WORKERS,
                        "idle workers ended: " + pool.getThreads() + " threads left of " + during);
                var health = new WebClient("http://127.0.0.1:" + app.port()).get("/healthz");
                assertEquals(200, health.statusCode(), "and the server still answers");
            } finally {
                app.stop();
            }
        }
    }
}
