package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.AdminTestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
    @TempDir Path dir;
    AdminTestClient c;

    @BeforeEach void start() { c = AdminTestClient.start(dir); }
    @AfterEach void stop() { c.close(); }

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
        HttpResponse<String> login = c.login();
        assertEquals(303, login.statusCode());
        assertEquals("/admin", login.headers().firstValue("Location").orElseThrow());
        String after = c.cookie(AdminGuard.COOKIE);
        assertTrue(after != null && after.length() > 30);
        HttpResponse<String> admin = c.get("/admin");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains(AdminTestClient.USER));
        assertEquals("no-store", admin.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void anIdPlantedBeforeLoginIsWorthNothingAfterIt() {
        String planted = "planted-by-an-attacker-0123456789abcdefghijklmnop";
        c.cookies.getCookieStore().add(java.net.URI.create(c.base + "/admin"), cookie(AdminGuard.COOKIE, planted));
        String issued = sessionCookie(c.login().headers().allValues("Set-Cookie"));
        assertTrue(issued.startsWith(AdminGuard.COOKIE + "=") && !issued.contains(planted), "a new id after login: " + issued);
        var response = c.send(c.otherBrowser(new java.net.CookieManager()),
                c.request("/admin").header("Cookie", AdminGuard.COOKIE + "=" + planted).GET().build());
        assertEquals(303, response.statusCode(), "the planted id must not open the admin");
    }

    @Test
    void cookiesAreHttpOnlyStrictAndNotSecureOverPlainHttp() {
        HttpResponse<String> form = c.get("/admin/login");
        String token = cookieHeader(form.headers().allValues("Set-Cookie"), LoginFormToken.COOKIE);
        assertTrue(token.contains("HttpOnly") && token.contains("SameSite=Strict") && token.contains("Path=/admin/login"), token);
        assertTrue(token.contains("Max-Age="), "short-lived: " + token);
        assertFalse(token.contains("Secure"), token);
        String login = sessionCookie(c.login().headers().allValues("Set-Cookie"));
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
    void behindAProxyTheCookieIsSecureWhenTheBrowserUsedHttps(@TempDir Path other) {
        try (AdminTestClient proxied = AdminTestClient.startBehindProxy(other)) {
            HttpResponse<String> form = proxied.get("/admin/login", "X-Forwarded-Proto", "https");
            assertTrue(cookieHeader(form.headers().allValues("Set-Cookie"), LoginFormToken.COOKIE).contains("Secure"));
            String token = AdminTestClient.csrf(form.body());
            // The cookie is Secure, so the jar will not send it over http: send it by hand.
            var response = proxied.send(proxied.http, proxied.request("/admin/login")
                    .header("X-Forwarded-Proto", "https")
                    .header("Cookie", LoginFormToken.COOKIE + "=" + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AdminTestClient.encode(Map.of(
                            "username", AdminTestClient.USER, "password", AdminTestClient.PASSWORD, "_csrf", token))))
                    .build());
            assertEquals(303, response.statusCode());
            assertTrue(sessionCookie(response.headers().allValues("Set-Cookie")).contains("Secure"));
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameMessage() {
        HttpResponse<String> wrongPassword = c.login(AdminTestClient.USER, "not the password at all");
        HttpResponse<String> unknownUser = c.login("nobody", "not the password at all");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        String message = "用户名或密码错误。";
        assertTrue(wrongPassword.body().contains(message));
        assertTrue(unknownUser.body().contains(message));
        assertTrue(wrongPassword.body().contains("value=\"editor\""), "the typed user name is kept");
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void fiveFailuresForAUsernameBlockEvenTheRightPasswordFor15Minutes() {
        for (int i = 0; i < 5; i++) assertEquals(401, c.login(AdminTestClient.USER, "wrong password " + i).statusCode());
        HttpResponse<String> blocked = c.login();
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("15"));
        assertEquals(303, c.get("/admin").statusCode());
        c.clock.advance(Duration.ofMinutes(16));
        assertEquals(303, c.login().statusCode());
        assertEquals(200, c.get("/admin").statusCode());
    }

    @Test
    void tenFailuresFromOneAddressBlockOtherUsernamesToo() {
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) assertEquals(401, c.login("user" + i, "wrong password " + i).statusCode());
        assertEquals(429, c.login().statusCode());
    }

    @Test
    void loginFormNeedsItsCsrfToken() {
        c.get("/admin/login");
        assertEquals(403, c.post("/admin/login", Map.of("username", AdminTestClient.USER, "password", AdminTestClient.PASSWORD)).statusCode());
        assertEquals(403, c.post("/admin/login", Map.of("username", AdminTestClient.USER, "password", AdminTestClient.PASSWORD,
                "_csrf", "forged")).statusCode());
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void sessionEndsAfter30MinutesIdle() {
        c.login();
        c.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/admin").statusCode());
        c.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/admin").statusCode(), "activity keeps it alive");
        c.clock.advance(Duration.ofMinutes(31));
        assertEquals(303, c.get("/admin").statusCode());
    }

    @Test
    void sessionEndsAfter12HoursEvenWhenActive() {
        c.login();
        for (int i = 0; i < 12 * 3; i++) {
            c.clock.advance(Duration.ofMinutes(20));
            int status = c.get("/admin").statusCode();
            if (i < 12 * 3 - 1) assertEquals(200, status, "at step " + i);
            else assertEquals(303, status);
        }
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        c.login();
        String token = AdminTestClient.csrf(c.get("/admin").body());
        String id = c.cookie(AdminGuard.COOKIE);
        HttpResponse<String> out = c.post("/admin/logout", Map.of("_csrf", token));
        assertEquals(303, out.statusCode());
        assertEquals(303, c.get("/admin").statusCode());
        var replay = c.send(c.otherBrowser(new java.net.CookieManager()),
                c.request("/admin").header("Cookie", AdminGuard.COOKIE + "=" + id).GET().build());
        assertEquals(303, replay.statusCode());
    }

    @Test
    void logoutIsPostOnly() {
        c.login();
        assertEquals(405, c.get("/admin/logout").statusCode());
        assertEquals(200, c.get("/admin").statusCode());
    }

    @Test
    void theLoginFormLeavesNothingOnTheServer() {
        for (int i = 0; i < 300; i++) assertEquals(200, c.get("/admin/login").statusCode());
        assertEquals(0, c.services.sessions().storedCount(), "no session until someone signs in");
        c.login();
        assertEquals(1, c.services.sessions().storedCount());
    }

    @Test
    void anExpiredOrForgedLoginTokenIsRefused() {
        String token = AdminTestClient.csrf(c.get("/admin/login").body());
        c.clock.advance(LoginFormToken.LIFETIME.plusMinutes(1));
        assertEquals(403, c.post("/admin/login", Map.of("username", AdminTestClient.USER,
                "password", AdminTestClient.PASSWORD, "_csrf", token)).statusCode(), "expired");
        String fresh = AdminTestClient.csrf(c.get("/admin/login").body());
        String forged = fresh.substring(0, fresh.lastIndexOf('.') + 1) + "AAAA" + fresh.substring(fresh.lastIndexOf('.') + 5);
        var forgedPost = c.send(c.http, c.request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", LoginFormToken.COOKIE + "=" + forged)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AdminTestClient.encode(Map.of(
                        "username", AdminTestClient.USER, "password", AdminTestClient.PASSWORD, "_csrf", forged)))).build());
        assertEquals(403, forgedPost.statusCode(), "a token not signed with the database's key");
    }

    @Test
    void expiredSessionsArePurged(@TempDir Path other) {
        c.login();
        try (AdminTestClient second = AdminTestClient.start(other)) {
            assertEquals(0, second.services.sessions().storedCount());
        }
        assertEquals(1, c.services.sessions().storedCount());
        c.clock.advance(Duration.ofHours(13));
        var browser = new java.net.CookieManager();
        var client = c.otherBrowser(browser);
        String token = AdminTestClient.csrf(c.send(client, c.request("/admin/login").GET().build()).body());
        var login = c.send(client, c.request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(AdminTestClient.encode(Map.of(
                        "username", AdminTestClient.USER, "password", AdminTestClient.PASSWORD, "_csrf", token)))).build());
        assertEquals(303, login.statusCode());
        assertEquals(1, c.services.sessions().storedCount(), "the expired session was deleted at the next sign-in");
    }

    static String sessionCookie(List<String> setCookies) {
        return cookieHeader(setCookies, AdminGuard.COOKIE);
    }

    static String cookieHeader(List<String> setCookies, String name) {
        return setCookies.stream().filter(s -> s.startsWith(name + "=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    static java.net.HttpCookie cookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/admin");
        cookie.setVersion(0);
        return cookie;
    }
}
