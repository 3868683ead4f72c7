package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.MutableClock;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The throttle's rules (issue 9, items 2 and 7), through the real login form. */
class LoginThrottleTest {
    static final TestAdmin ADMIN = TestAdmin.EDITOR;

    @Test
    void sixtyWrongPasswordsSentAtOnceGetOnlyFivePasswordChecks() {
        try (TestApp app = TestApp.start()) {
            WebClient c = app.client();
            String token = Html.csrf(c.page("/admin/login"));
            String body = WebClient.encode(Map.of("username", ADMIN.username(), "password", "wrong guess", "_csrf", token));
            var http = java.net.http.HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                HttpRequest post = c.request("/admin/login", "Cookie", LoginFormToken.COOKIE + "=" + token).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (var f : inFlight) statuses.merge(f.join().statusCode(), 1, Integer::sum);
            assertEquals(Map.of(401, LoginThrottle.PAIR_LIMIT, 429, 60 - LoginThrottle.PAIR_LIMIT), statuses);
            assertEquals(LoginThrottle.PAIR_LIMIT, attempts(app), "attempts counted in the database");
            HttpResponse<String> refused = c.signIn(ADMIN);
            assertEquals(429, refused.statusCode(), "the right password waits too");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.body().contains("15分钟"), "says how long: " + refused.body());
        }
    }

    @Test
    void theHardBlockIsPerNameAndAddressSoAnAttackerElsewhereCannotLockTheOfficeOut() {
        try (TestApp app = TestApp.builder().behindProxy(true).start()) {
            WebClient c = app.client();
            for (int i = 0; i < 5; i++) assertEquals(401, loginFrom(c, "203.0.113.9", "wrong " + i).statusCode());
            assertEquals(429, loginFrom(c, "203.0.113.9", ADMIN.password()).statusCode(), "blocked where it guessed");
            assertEquals(303, loginFrom(c, "192.0.2.10", ADMIN.password()).statusCode(), "the office signs in");
        }
    }

    @Test
    void manyAddressesGuessingOneNameMakeItWaitSecondsNeverLockIt() {
        MutableClock clock = new MutableClock();
        try (TestApp app = TestApp.builder().clock(clock).behindProxy(true).start()) {
            WebClient c = app.client();
            for (int i = 0; i < LoginThrottle.NAME_SOFT_LIMIT; i++) {
                assertEquals(401, loginFrom(c, "198.51.100." + i, "wrong " + i).statusCode(), "attempt " + i);
            }
            HttpResponse<String> office = loginFrom(c, "192.0.2.10", ADMIN.password());
            assertEquals(429, office.statusCode(), "past the soft limit attempts are spaced out");
            long wait = Long.parseLong(office.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(wait >= 1 && wait <= LoginThrottle.MAX_NAME_DELAY.toSeconds(), "a wait of seconds: " + wait);
            assertTrue(office.body().contains("秒后再试"), office.body());
            clock.advance(Duration.ofSeconds(wait));
            assertEquals(303, loginFrom(c, "192.0.2.10", ADMIN.password()).statusCode());
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
    void forwardedAddressesAreIgnoredFromAnUntrustedPeer() throws Exception {
        // Trust only 10.255.0.1 as the proxy: this test talks from 127.0.0.1, so its header is ignored.
        try (TestApp app = TestApp.builder().behindProxy(true).trustedProxies(List.of("10.255.0.1")).start()) {
            WebClient c = app.client();
            for (int i = 0; i < 5; i++) assertEquals(401, loginFrom(c, "203.0.113." + i, "wrong " + i).statusCode());
            assertEquals(429, loginFrom(c, "203.0.113.99", ADMIN.password()).statusCode(),
                    "every attempt counted for the real peer, whatever the header said");
        }
    }

    private static HttpResponse<String> loginFrom(WebClient c, String address, String password) {
        String token = Html.csrf(c.page("/admin/login"));
        return c.postAsIs("/admin/login", Map.of("username", ADMIN.username(), "password", password, "_csrf", token),
                "X-Forwarded-For", address);
    }

    private static int attempts(TestApp app) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_attempt").mapTo(Integer.class).one());
    }
}
