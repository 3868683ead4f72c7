package cn.jinjiang.aitraining.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.PasswordHasher;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.MutableClock;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** /admin/account: one's own password (the one-time password's lock included) and one's sessions. Each test writes: a server each. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AccountPageTest {
    static final TestAdmin ME = new TestAdmin("wang", "my first long password");
    static final String NEW_PASSWORD = "twelve chars"; // exactly the minimum
    MutableClock clock;
    TestApp app;

    @BeforeEach void start() {
        clock = new MutableClock();
        app = TestApp.builder().clock(clock).start();
        ME.createIn(app.database(), Role.EDITOR);
    }

    @AfterEach void stop() { app.close(); }

    private WebClient signedIn() {
        WebClient c = app.client();
        assertEquals(303, c.signIn(ME).statusCode());
        return c;
    }

    private boolean canSignIn(String password) {
        return app.services().accounts().verify(ME.username(), password).isPresent();
    }

    private static Map<String, String> passwords(String current, String proposed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("current_password", current);
        form.put("new_password", proposed);
        return form;
    }

    /** Gives ME a one-time password, as a reset on the users page does. */
    private void oneTimePassword(String password) {
        String hash = new PasswordHasher().hash(password);
        new AdminUserDao(app.database().jdbi()).upsert(ME.username(), hash, true, Instant.now());
    }

    @Test
    void aOneTimePasswordOpensOnlyTheAccountPageUntilItIsChanged() {
        String oneTime = "ABCDEFGHJKLMNPQRSTUV";
        oneTimePassword(oneTime);
        WebClient c = app.client();
        HttpResponse<String> login = c.signIn(ME.username(), oneTime);
        assertEquals(303, login.statusCode());
        assertEquals("/admin/account", login.headers().firstValue("Location").orElseThrow(), "straight to the account page");

        Document account = c.page("/admin/account");
        assertTrue(Html.one(account, "#must-change").text().contains("一次性密码"), "the page says why");
        assertTrue(account.select(".admin-bar a").stream().allMatch(a -> a.attr("href").equals("/admin/account")),
                "the admin bar offers only the account page (and signing out)");
        assertNull(account.selectFirst(".breadcrumb a[href=/admin]"), "no way back to the overview offered");
        for (String path : List.of("/admin", "/admin/audit", "/admin/figures/ai-lectures", "/admin/import", "/admin/login")) {
            HttpResponse<String> r = c.get(path);
            assertEquals(303, r.statusCode(), path);
            assertEquals("/admin/account", r.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(403, c.get("/admin/audit", "Accept", "application/json").statusCode(), "scripts are told, not redirected");
        String before = c.get("/api/figures/ai-lectures").body();
        Map<String, String> archive = new LinkedHashMap<>();
        archive.put("reason", "should not happen");
        archive.put("version", "1");
        assertEquals(303, c.post("/admin/figures/ai-lectures/archive", archive).statusCode());
        assertEquals(before, c.get("/api/figures/ai-lectures").body(), "a POST elsewhere changes nothing");

        HttpResponse<String> changed = c.post("/admin/account", passwords(oneTime, NEW_PASSWORD));
        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals("/admin", changed.headers().firstValue("Location").orElseThrow());
        Document home = c.page("/admin");
        assertEquals("密码已修改。你在其他设备上的登录已结束。", Html.flash(home).orElseThrow());
        assertEquals(200, c.get("/admin/audit").statusCode(), "everything else opens now");
        assertTrue(canSignIn(NEW_PASSWORD));
        assertFalse(canSignIn(oneTime));
    }

    @Test
    void signingOutWorksUnderAOneTimePassword() {
        oneTimePassword("ABCDEFGHJKLMNPQRSTUV");
        WebClient c = app.client();
        c.signIn(ME.username(), "ABCDEFGHJKLMNPQRSTUV");
        assertEquals(303, c.post("/admin/logout", Map.of()).statusCode());
        assertEquals("/admin/login", c.get("/admin/account").headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theFormFieldsAreTheDocumentedOnes() {
        WebClient c = signedIn();
        Map<String, String> fields = c.form("/admin/account", "password-form");
        assertEquals(List.of("_csrf", "current_password", "new_password"), List.copyOf(fields.keySet()));
        Document page = c.page("/admin/account");
        assertEquals("current-password", Html.one(page, "#current_password").attr("autocomplete"));
        assertEquals("new-password", Html.one(page, "#new_password").attr("autocomplete"));
        assertEquals("password", Html.one(page, "#new_password").attr("type"));
    }

    @Test
    void badPasswordsAreRefusedWithAMessageBesideTheFieldAndChangeNothing() {
        WebClient c = signedIn();
        record Case(String current, String proposed, String field, String message) {}
        List<Case> cases = List.of(
                new Case("", NEW_PASSWORD, "current_password", "请填写此项。"),
                new Case(ME.password(), "eleven char", "new_password", "12"),
                new Case(ME.password(), ME.password(), "new_password", "新密码不能与当前密码相同。"),
                new Case("not my password", NEW_PASSWORD, "current_password", "当前密码不正确。"));
        for (Case k : cases) {
            HttpResponse<String> r = c.post("/admin/account", passwords(k.current(), k.proposed()));
            assertEquals(422, r.statusCode(), k.toString());
            Document page = Html.parse(r);
            Map<String, String> summary = Html.errorSummary(page);
            assertEquals(List.of(k.field()), List.copyOf(summary.keySet()), k.toString());
            assertTrue(Html.one(page, "#" + k.field() + "-error").text().contains(k.message()), page.select(".error-message").text());
            assertEquals("", Html.one(page, "#current_password").val(), "a password is never sent back");
            assertEquals("", Html.one(page, "#new_password").val());
        }
        assertTrue(canSignIn(ME.password()), "still the old password");
        int entries = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
        assertEquals(0, entries);

        HttpResponse<String> en = c.post("/admin/account?lang=en", passwords(ME.password(), "short"));
        assertEquals(422, en.statusCode());
        assertTrue(Html.errorSummary(Html.parse(en)).get("new_password").startsWith("New password:"), en.body());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSigningIn() {
        WebClient c = signedIn();
        for (int i = 0; i < 5; i++) {
            assertEquals(422, c.post("/admin/account", passwords("wrong guess " + i, NEW_PASSWORD)).statusCode());
        }
        HttpResponse<String> blocked = c.post("/admin/account", passwords(ME.password(), NEW_PASSWORD));
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        assertFalse(canSignIn(NEW_PASSWORD));
        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, c.post("/admin/account", passwords(ME.password(), NEW_PASSWORD)).statusCode());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndIsAuditedWithoutSecrets() {
        WebClient here = signedIn();
        WebClient elsewhere = signedIn();
        assertEquals(200, elsewhere.get("/admin").statusCode());
        assertEquals(303, here.post("/admin/account", passwords(ME.password(), NEW_PASSWORD)).statusCode());
        assertEquals(200, here.get("/admin").statusCode(), "this session goes on");
        assertEquals(303, elsewhere.get("/admin").statusCode(), "the other one ended");

        var entry = app.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT username, action, entity_type, entity_key, before_json, after_json FROM audit_entry")
                .mapToMap().one());
        assertEquals("user", entry.get("entity_type"));
        assertEquals("password", entry.get("action"));
        assertEquals(ME.username(), entry.get("entity_key"));
        assertEquals(ME.username(), entry.get("username"));
        String json = entry.get("before_json") + " " + entry.get("after_json");
        assertFalse(json.contains("argon2") || json.contains("hash") || json.contains(NEW_PASSWORD) || json.contains(ME.password()), json);
        Document audit = here.page("/admin/audit");
        assertTrue(Html.one(audit, "tr.audit-entry").text().contains("修改自己的密码"), audit.text());
    }

    @Test
    void theSessionListShowsWhereIAmSignedInAndEndsTheOthers() {
        WebClient here = signedIn();
        WebClient phone = app.client();
        phone.get("/admin/login");
        // Another browser, as its User-Agent names it.
        Map<String, String> form = Map.of("username", ME.username(), "password", ME.password(), "_csrf", phone.csrfToken());
        assertEquals(303, phone.postAsIs("/admin/login", form, "User-Agent", "Mozilla/5.0 (iPhone) TestPhone/1.0").statusCode());
        WebClient tablet = signedIn();

        Document page = here.page("/admin/account");
        List<Element> rows = page.select("#sessions-table tr.session-row");
        assertEquals(3, rows.size(), page.select("#sessions-table").outerHtml());
        assertEquals(1, page.select("#sessions-table tr.current-session").size());
        assertTrue(rows.stream().anyMatch(r -> r.select("td.user-agent").text().contains("TestPhone/1.0")));
        assertTrue(rows.stream().allMatch(r -> r.select("td").get(2).text().equals("127.0.0.1")), "the address");
        assertTrue(rows.stream().allMatch(r -> r.select("td").get(0).text().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")),
                "started, in China's time");
        assertNull(page.selectFirst("#sessions-table tr.current-session form"), "the current session is not ended here");

        Element phoneRow = rows.stream().filter(r -> r.select("td.user-agent").text().contains("TestPhone")).findFirst().orElseThrow();
        String ref = phoneRow.attr("data-ref");
        assertEquals(303, here.post("/admin/account/sessions/" + ref + "/end", Map.of()).statusCode());
        assertEquals("该会话已结束。", Html.flash(here.page("/admin/account")).orElseThrow());
        assertEquals(303, phone.get("/admin").statusCode(), "the phone was signed out");
        assertEquals(200, tablet.get("/admin").statusCode(), "the tablet was not");

        assertEquals(303, here.post("/admin/account/sessions/" + ref + "/end", Map.of()).statusCode());
        assertTrue(Html.one(here.page("/admin/account"), "#flash").hasClass("flash-error"), "no such session any more");

        assertEquals(303, here.post("/admin/account/sessions/end-others", Map.of()).statusCode());
        Document after = here.page("/admin/account");
        assertEquals("已结束 1 个其他会话。", Html.flash(after).orElseThrow());
        assertEquals(1, after.select("#sessions-table tr.session-row").size());
        assertNotNull(after.selectFirst("#no-other-sessions"));
        assertEquals(303, tablet.get("/admin").statusCode());
        assertEquals(200, here.get("/admin").statusCode());
    }

    @Test
    void nobodyEndsAnotherAccountsSession() {
        WebClient mine = signedIn();
        WebClient theirs = app.signedIn(); // the test app's own account
        String theirRef = Html.one(theirs.page("/admin/account"), "#sessions-table tr.current-session").attr("data-ref");
        assertEquals(303, mine.post("/admin/account/sessions/" + theirRef + "/end", Map.of()).statusCode());
        assertEquals(200, theirs.get("/admin").statusCode());
        assertEquals(303, mine.post("/admin/account/sessions/end-others", Map.of()).statusCode());
        assertEquals(200, theirs.get("/admin").statusCode());
    }

    @Test
    void viewingTheListPurgesExpiredSessions() {
        WebClient early = signedIn();
        clock.advance(Duration.ofMinutes(20));
        WebClient later = signedIn();
        assertEquals(2, app.services().sessions().storedCount());
        clock.advance(Duration.ofMinutes(20)); // early: 40 minutes idle; later: 20
        Document page = later.page("/admin/account");
        assertEquals(1, page.select("#sessions-table tr.session-row").size());
        assertEquals(1, app.services().sessions().storedCount(), "the expired row was deleted, not only hidden");
        assertEquals(303, early.get("/admin").statusCode());
    }
}
