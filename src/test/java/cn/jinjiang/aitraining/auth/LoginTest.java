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
    void loginWithTheRightPasswordStartsASessionAndOpensTheAdmin() {
        c.get("/admin/login");
        assertEquals(null, c.cookie(AdminGuard.COOKIE), "no session before signing in");
        assertTrue(c.cookie(LoginFormToken.COOKIE) != null, "the form's signed token");
        HttpResponse<String> login = c.signIn(ADMIN);
        assertEquals(303, login.statusCode());
        assertEquals("/admin", login.headers().firstValue("Location").orElseThrow());
        String after = c.cookie(AdminGuard.COOKIE);
        assertTrue(after != null && after.length() > 30);
        HttpResponse<String> admin = c.get("/admin");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains(ADMIN.username()));
        assertEquals("no-store", admin.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void anIdPlantedBeforeLoginIsWorthNothingAfterIt() {
        String planted = "planted-by-an-attacker-0123456789abcdefghijklmnop";
        c.get("/admin/login");
        String issued = sessionCookie(c.signIn(ADMIN).headers().allValues("Set-Cookie"));
        assertTrue(issued.startsWith(AdminGuard.COOKIE + "=") && !issued.contains(planted), "a new id after login: " + issued);
        WebClient other = app.cookielessClient();
        var response = other.get("/admin", "Cookie", AdminGuard.COOKIE + "=" + planted);
        assertEquals(303, response.statusCode(), "the planted id must not open the admin");
    }

    @Test
    void cookiesAreHttpOnlyStrictAndNotSecureOverPlainHttp() {
        HttpResponse<String> form = c.get("/admin/login");
        String token = cookieHeader(form.headers().allValues("Set-Cookie"), LoginFormToken.COOKIE);
        assertTrue(token.contains("HttpOnly") && token.contains("SameSite=Strict") && token.contains("Path=/admin/login"), token);
        assertTrue(token.contains("Max-Age="), "short-lived: " + token);
        assertFalse(token.contains("Secure"), token);
        String login = sessionCookie(c.signIn(ADMIN).headers().allValues("Set-Cookie"));
        assertTrue(login.contains("HttpOnly") && login.contains("SameSite=Strict"), login);
        assertTrue(login.contains("Path=/admin"), login);
        assertFalse(login.contains("Secure"), login);
    }

    @Test
    void forwardedProtoIsIgnoredUnlessBehindProxy() {
        HttpResponse<String> form = c.get("/admin/login", "X-Forwarded-Proto", "https");
        assertFalse(cookieHeader(form.headers().allValues("Set-Cookie"), LoginFormToken.COOKIE).contains("Secure"));
    }

    @Test
    void behindAProxyTheCookieIsSecureWhenTheBrowserUsedHttps() {
        try (TestApp behindProxy = TestApp.builder().clock(clock).behindProxy(true).admin(ADMIN).start()) {
            WebClient proxied = behindProxy.client();
            HttpResponse<String> form = proxied.get("/admin/login", "X-Forwarded-Proto", "https");
            assertTrue(cookieHeader(form.headers().allValues("Set-Cookie"), LoginFormToken.COOKIE).contains("Secure"));
            String token = Html.csrf(Html.parse(form));
            // The cookie is Secure, so the jar will not send it over http: send it by hand.
            var response = proxied.postAsIs("/admin/login",
                    Map.of("username", ADMIN.username(), "password", ADMIN.password(), "_csrf", token),
                    "X-Forwarded-Proto", "https", "Cookie", LoginFormToken.COOKIE + "=" + token);
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
    void tenFailuresFromOneAddressBlockOtherUsernamesToo() {
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) assertEquals(401, c.signIn("user" + i, "wrong password " + i).statusCode());
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

    @Test
    void theLoginFormLeavesNothingOnTheServer() {
        for (int i = 0; i < 300; i++) assertEquals(200, c.get("/admin/login").statusCode());
        assertEquals(0, app.services().sessions().storedCount(), "no session until someone signs in");
        c.signIn(ADMIN);
        assertEquals(1, app.services().sessions().storedCount());
    }

    @Test
    void anExpiredOrForgedLoginTokenIsRefused() {
        String token = Html.csrf(c.page("/admin/login"));
        clock.advance(LoginFormToken.LIFETIME.plusMinutes(1));
        assertEquals(403, c.postAsIs("/admin/login", Map.of("username", ADMIN.username(),
                "password", ADMIN.password(), "_csrf", token)).statusCode(), "expired");
        String fresh = Html.csrf(c.page("/admin/login"));
        String forged = fresh.substring(0, fresh.lastIndexOf('.') + 1) + "AAAA" + fresh.substring(fresh.lastIndexOf('.') + 5);
        var forgedPost = app.cookielessClient().postAsIs("/admin/login", Map.of("username", ADMIN.username(),
                "password", ADMIN.password(), "_csrf", forged), "Cookie", LoginFormToken.COOKIE + "=" + forged);
        assertEquals(403, forgedPost.statusCode(), "a token not signed with the database's key");
    }

    @Test
    void expiredSessionsArePurged() {
        c.signIn(ADMIN);
        try (TestApp second = TestApp.start()) {
            assertEquals(0, second.services().sessions().storedCount());
        }
        assertEquals(1, app.services().sessions().storedCount());
        clock.advance(Duration.ofHours(13));
        assertEquals(303, app.client().signIn(ADMIN).statusCode());
        assertEquals(1, app.services().sessions().storedCount(), "the expired session was deleted at the next sign-in");
    }

    static String sessionCookie(List<String> setCookies) {
        return cookieHeader(setCookies, AdminGuard.COOKIE);
    }

    static String cookieHeader(List<String> setCookies, String name) {
        return setCookies.stream().filter(s -> s.startsWith(name + "=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }
}
