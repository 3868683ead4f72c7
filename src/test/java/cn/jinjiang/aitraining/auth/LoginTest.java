package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.MutableClock;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out, sessions and login throttling. Each test changes sessions or the clock: a server each. */
class LoginTest {
    static final TestAdmin ADMIN = TestAdmin.EDITOR;
    MutableClock clock;
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        clock = new MutableClock();
        app = TestApp.builder().clock(clock).admin(ADMIN).start();
        c = app.client();
    }

    @AfterEach void stop() { app.close(); }

    @Test
    void adminPagesRedirectBrowsersToLoginAndGiveApiCalls401() {
        HttpResponse<String> page = c.get("/admin");
        assertEquals(303, page.statusCode());
        assertEquals("/admin/login", page.headers().firstValue("Location").orElseThrow());
        assertEquals(401, c.get("/admin/audit", "Accept", "application/json").statusCode());
        assertEquals(401, c.get("/admin/figures/ai-lectures", "X-Requested-With", "XMLHttpRequest").statusCode());
        assertEquals(303, c.get("/admin/audit.csv").statusCode());
    }

    @Test
    void loginWithTheRightPasswordRotatesTheSessionAndOpensTheAdmin() {
        c.get("/admin/login");
        String before = c.cookie(AdminGuard.COOKIE);
        assertTrue(before != null && before.length() > 30);
        HttpResponse<String> login = c.signIn(ADMIN);
        assertEquals(303, login.statusCode());
        assertEquals("/admin", login.headers().firstValue("Location").orElseThrow());
        String after = c.cookie(AdminGuard.COOKIE);
        assertNotEquals(before, after, "a new session id after login");
        HttpResponse<String> admin = c.get("/admin");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains(ADMIN.username()));
        assertEquals("no-store", admin.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void thePreLoginSessionIdIsWorthNothingAfterLogin() {
        c.get("/admin/login");
        String planted = c.cookie(AdminGuard.COOKIE);
        c.signIn(ADMIN);
        WebClient other = app.client();
        var response = other.get("/admin", "Cookie", AdminGuard.COOKIE + "=" + planted);
        assertEquals(303, response.statusCode(), "the old id must not open the admin");
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndNotSecureOverPlainHttp() {
        HttpResponse<String> form = c.get("/admin/login");
        String cookie = sessionCookie(form.headers().allValues("Set-Cookie"));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/admin"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        String login = sessionCookie(c.signIn(ADMIN).headers().allValues("Set-Cookie"));
        assertTrue(login.contains("HttpOnly") && login.contains("SameSite=Strict"), login);
    }

    @Test
    void forwardedProtoIsIgnoredUnlessBehindProxy() {
        HttpResponse<String> form = c.get("/admin/login", "X-Forwarded-Proto", "https");
        assertFalse(sessionCookie(form.headers().allValues("Set-Cookie")).contains("Secure"));
    }

    @Test
    void behindAProxyTheCookieIsSecureWhenTheBrowserUsedHttps() {
        try (TestApp behindProxy = TestApp.builder().clock(clock).behindProxy(true).admin(ADMIN).start()) {
            WebClient proxied = behindProxy.client();
            HttpResponse<String> form = proxied.get("/admin/login", "X-Forwarded-Proto", "https");
            assertTrue(sessionCookie(form.headers().allValues("Set-Cookie")).contains("Secure"));
            String token = Html.csrf(Html.parse(form));
            // The cookie is Secure, so the jar will not send it over http: send it by hand.
            String id = proxied.cookie(AdminGuard.COOKIE);
            var response = proxied.postAsIs("/admin/login",
                    Map.of("username", ADMIN.username(), "password", ADMIN.password(), "_csrf", token),
                    "X-Forwarded-Proto", "https", "Cookie", AdminGuard.COOKIE + "=" + id);
            assertEquals(303, response.statusCode());
            assertTrue(sessionCookie(response.headers().allValues("Set-Cookie")).contains("Secure"));
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameMessage() {
        HttpResponse<String> wrongPassword = c.signIn(ADMIN.username(), "not the password at all");
        HttpResponse<String> unknownUser = c.signIn("nobody", "not the password at all");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        String message = "用户名或密码错误。";
        assertTrue(wrongPassword.body().contains(message));
        assertTrue(unknownUser.body().contains(message));
        assertEquals(ADMIN.username(), Html.fields(Html.parse(wrongPassword), "login-form").get("username"), "the typed user name is kept");
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void fiveFailuresForAUsernameBlockEvenTheRightPasswordFor15Minutes() {
        for (int i = 0; i < 5; i++) assertEquals(401, c.signIn(ADMIN.username(), "wrong password " + i).statusCode());
        HttpResponse<String> blocked = c.signIn(ADMIN);
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("15"));
        assertEquals(303, c.get("/admin").statusCode());
        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, c.signIn(ADMIN).statusCode());
        assertEquals(200, c.get("/admin").statusCode());
    }

    @Test
    void fiveFailuresFromOneAddressBlockOtherUsernamesToo() {
        for (int i = 0; i < 5; i++) c.signIn("user" + i, "wrong password " + i);
        assertEquals(429, c.signIn(ADMIN).statusCode());
    }

    @Test
    void loginFormNeedsItsCsrfToken() {
        c.get("/admin/login");
        assertEquals(403, c.postAsIs("/admin/login", Map.of("username", ADMIN.username(), "password", ADMIN.password())).statusCode());
        assertEquals(403, c.postAsIs("/admin/login", Map.of("username", ADMIN.username(), "password", ADMIN.password(),
                "_csrf", "forged")).statusCode());
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void sessionEndsAfter30MinutesIdle() {
        c.signIn(ADMIN);
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/admin").statusCode());
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/admin").statusCode(), "activity keeps it alive");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void sessionEndsAfter12HoursEvenWhenActive() {
        c.signIn(ADMIN);
        for (int i = 0; i < 12 * 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            int status = c.get("/admin").statusCode();
            if (i < 12 * 3 - 1) assertEquals(200, status, "at step " + i);
            else assertEquals(303, status);
        }
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        c.signIn(ADMIN);
        String token = Html.csrf(c.page("/admin"));
        String id = c.cookie(AdminGuard.COOKIE);
        HttpResponse<String> out = c.postAsIs("/admin/logout", Map.of("_csrf", token));
        assertEquals(303, out.statusCode());
        assertEquals(303, c.get("/admin").statusCode());
        var replay = app.client().get("/admin", "Cookie", AdminGuard.COOKIE + "=" + id);
        assertEquals(303, replay.statusCode());
    }

    @Test
    void logoutIsPostOnly() {
        c.signIn(ADMIN);
        assertEquals(405, c.get("/admin/logout").statusCode());
        assertEquals(200, c.get("/admin").statusCode());
    }

    static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(s -> s.startsWith(AdminGuard.COOKIE + "=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }
}
