package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.AdminTestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle's rules (issue 9, items 2 and 7), through the real login form. */
class LoginThrottleTest {
    @TempDir Path dir;

    @Test
    void sixtyWrongPasswordsSentAtOnceGetOnlyFivePasswordChecks() {
        try (AdminTestClient c = AdminTestClient.start(dir)) {
            String token = AdminTestClient.csrf(c.get("/admin/login").body());
            String body = AdminTestClient.encode(Map.of("username", AdminTestClient.USER, "password", "wrong guess", "_csrf", token));
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                HttpRequest post = c.request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.add(c.http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (var f : inFlight) statuses.merge(f.join().statusCode(), 1, Integer::sum);
            assertEquals(Map.of(401, LoginThrottle.PAIR_LIMIT, 429, 60 - LoginThrottle.PAIR_LIMIT), statuses);
            assertEquals(LoginThrottle.PAIR_LIMIT, attempts(c), "attempts counted in the database");
            HttpResponse<String> refused = c.login();
            assertEquals(429, refused.statusCode(), "the right password waits too");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.body().contains("15分钟"), "says how long: " + refused.body());
        }
    }

    @Test
    void theHardBlockIsPerNameAndAddressSoAnAttackerElsewhereCannotLockTheOfficeOut() {
        try (AdminTestClient c = AdminTestClient.startBehindProxy(dir)) {
            for (int i = 0; i < 5; i++) assertEquals(401, loginFrom(c, "203.0.113.9", "wrong " + i).statusCode());
            assertEquals(429, loginFrom(c, "203.0.113.9", AdminTestClient.PASSWORD).statusCode(), "blocked where it guessed");
            assertEquals(303, loginFrom(c, "192.0.2.10", AdminTestClient.PASSWORD).statusCode(), "the office signs in");
        }
    }

    @Test
    void manyAddressesGuessingOneNameMakeItWaitSecondsNeverLockIt() {
        try (AdminTestClient c = AdminTestClient.startBehindProxy(dir)) {
            for (int i = 0; i < LoginThrottle.NAME_SOFT_LIMIT; i++) {
                assertEquals(401, loginFrom(c, "198.51.100." + i, "wrong " + i).statusCode(), "attempt " + i);
            }
            HttpResponse<String> office = loginFrom(c, "192.0.2.10", AdminTestClient.PASSWORD);
            assertEquals(429, office.statusCode(), "past the soft limit attempts are spaced out");
            long wait = Long.parseLong(office.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(wait >= 1 && wait <= LoginThrottle.MAX_NAME_DELAY.toSeconds(), "a wait of seconds: " + wait);
            assertTrue(office.body().contains("秒后再试"), office.body());
            c.clock.advance(Duration.ofSeconds(wait));
            assertEquals(303, loginFrom(c, "192.0.2.10", AdminTestClient.PASSWORD).statusCode());
        }
    }

    @Test
    void theDelayGrowsAndIsCapped() {
        assertEquals(0, LoginThrottle.nameDelay(LoginThrottle.NAME_SOFT_LIMIT - 1));
        assertEquals(1000, LoginThrottle.nameDelay(LoginThrottle.NAME_SOFT_LIMIT));
        assertEquals(2000, LoginThrottle.nameDelay(LoginThrottle.NAME_SOFT_LIMIT + 1));
        assertEquals(16000, LoginThrottle.nameDelay(LoginThrottle.NAME_SOFT_LIMIT + 4));
        assertEquals(LoginThrottle.MAX_NAME_DELAY.toMillis(), LoginThrottle.nameDelay(LoginThrottle.NAME_SOFT_LIMIT + 60));
    }

    @Test
    void forwardedAddressesAreIgnoredFromAnUntrustedPeer(@TempDir Path other) throws Exception {
        // Trust only 10.255.0.1 as the proxy: this test talks from 127.0.0.1, so its header is ignored.
        try (AdminTestClient c = AdminTestClient.startBehindProxy(other, java.util.List.of("10.255.0.1"))) {
            for (int i = 0; i < 5; i++) assertEquals(401, loginFrom(c, "203.0.113." + i, "wrong " + i).statusCode());
            assertEquals(429, loginFrom(c, "203.0.113.99", AdminTestClient.PASSWORD).statusCode(),
                    "every attempt counted for the real peer, whatever the header said");
        }
    }

    private static HttpResponse<String> loginFrom(AdminTestClient c, String address, String password) {
        String token = AdminTestClient.csrf(c.get("/admin/login").body());
        return c.post("/admin/login", Map.of("username", AdminTestClient.USER, "password", password, "_csrf", token),
                "X-Forwarded-For", address);
    }

    private static int attempts(AdminTestClient c) {
        return c.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_attempt").mapTo(Integer.class).one());
    }
}
