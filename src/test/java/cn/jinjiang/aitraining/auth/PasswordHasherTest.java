package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Password hashing is bounded, so guessing cannot starve the server (issue 9, item 2). */
class PasswordHasherTest {
    @Test
    void atMostTheAllowedNumberOfHashesRunAtOnceAndTheRestAreToldTheServerIsBusy() throws Exception {
        PasswordHasher hasher = new PasswordHasher(2, 0);
        String hash = new PasswordHasher().hash("the right password");
        int callers = 12;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    hasher.matches("a wrong guess", hash);
                    checked.incrementAndGet();
                } catch (PasswordHasher.Busy refused) {
                    busy.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) t.join(30_000);
        assertEquals(callers, checked.get() + busy.get());
        assertTrue(busy.get() >= 1, "some callers found both slots taken: " + busy.get());
        assertTrue(checked.get() >= 2 && checked.get() < callers, "checked " + checked.get());
    }

    @Test
    void aFreeSlotIsWaitedFor() {
        PasswordHasher hasher = new PasswordHasher(1, 30_000);
        String hash = hasher.hash("secret password here");
        assertTrue(hasher.matches("secret password here", hash));
        PasswordHasher none = new PasswordHasher(0, 10);
        assertThrows(PasswordHasher.Busy.class, () -> none.matches("x", hash));
    }
}
