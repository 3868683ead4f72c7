package cn.jinjiang.aitraining.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** /admin/users: accounts created, changed, disabled and reset by an admin, all audited; the last admin protected. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UsersPageTest {
    /** The test app's own account: an admin. */
    static final TestAdmin BOSS = TestAdmin.EDITOR;
    static final TestAdmin DEPUTY = new TestAdmin("deputy", "the deputy's long password");
    static final TestAdmin CLERK = new TestAdmin("clerk", "the clerk's long password");
    TestApp app;
    WebClient boss;

    @BeforeEach void start() {
        app = TestApp.start();
        boss = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private long id(String username) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM admin_user WHERE username = :u")
                .bind("u", username).mapTo(Long.class).one());
    }

    private String role(String username) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT role FROM admin_user WHERE username = :u")
                .bind("u", username).mapTo(String.class).one());
    }

    private boolean disabled(String username) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT disabled FROM admin_user WHERE username = :u")
                .bind("u", username).mapTo(Boolean.class).one());
    }

    private List<Map<String, Object>> auditEntries() {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id, username, action, entity_type, entity_key, before_json, after_json FROM audit_entry ORDER BY id")
                .mapToMap().list());
    }

    private WebClient signedInAs(TestAdmin account) {
        WebClient c = app.client();
        assertEquals(303, c.signIn(account).statusCode(), account.username());
        return c;
    }

    private Element row(Document users, String username) {
        return Html.one(users, "#users-table tr[data-username=" + username + "]");
    }

    @Test
    void anAdminCreatesAnAccountWhoseOneTimePasswordIsShownOnceAndMustBeChanged() {
        Map<String, String> form = boss.form("/admin/users/new", "user-form");
        assertEquals(List.of("_csrf", "username", "role"), List.copyOf(form.keySet()));
        assertEquals("editor", form.get("role"), "the least role is the default");
        form.put("username", "liu");
        form.put("role", "publisher");
        HttpResponse<String> created = boss.post("/admin/users/new", form);
        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElseThrow());
        Document page = Html.parse(created);
        String password = Html.one(page, "#one-time-password").text();
        assertEquals(20, password.length(), password);
        assertEquals("liu", Html.one(page, "#one-time-username").text());

        Document list = boss.page("/admin/users");
        assertEquals("发布人", row(list, "liu").selectFirst(".user-role").text());
        assertTrue(row(list, "liu").selectFirst(".user-status").text().contains("一次性密码尚未修改"));
        assertFalse(list.outerHtml().contains(password), "shown once: not on the list");

        WebClient liu = app.client();
        HttpResponse<String> login = liu.signIn("liu", password);
        assertEquals("/admin/account", login.headers().firstValue("Location").orElseThrow());
        assertEquals(303, liu.get("/admin").statusCode(), "locked until the password is changed");

        Map<String, Object> entry = auditEntries().get(0);
        assertEquals(List.of("user", "create", "liu", BOSS.username()),
                List.of(entry.get("entity_type"), entry.get("action"), entry.get("entity_key"), entry.get("username")));
        String json = String.valueOf(entry.get("after_json"));
        assertTrue(json.contains("\"role\":\"publisher\"") && json.contains("\"one_time_password\":true"), json);
        assertFalse(json.contains(password) || json.contains("argon2") || json.contains("hash"), json);
    }

    @Test
    void badNewAccountsAreRefusedBesideTheFieldAndCreateNothing() {
        CLERK.createIn(app.database(), Role.EDITOR);
        record Case(String username, String role, String field, String message) {}
        List<Case> cases = List.of(
                new Case("", "editor", "username", "请填写此项。"),
                new Case("has space", "editor", "username", "用户名"),
                new Case("CLERK", "editor", "username", "该用户名已被使用（不区分大小写）。"),
                new Case("zhao", "owner", "role", "请选择角色：编辑、发布人或管理员。"));
        for (Case k : cases) {
            HttpResponse<String> r = boss.post("/admin/users/new", Map.of("username", k.username(), "role", k.role()));
            assertEquals(422, r.statusCode(), k.toString());
            Document page = Html.parse(r);
            assertEquals(List.of(k.field()), List.copyOf(Html.errorSummary(page).keySet()), k.toString());
            assertTrue(Html.one(page, "#" + k.field() + "-error").text().contains(k.message()), page.select(".error-message").text());
            assertEquals(k.username(), Html.fields(page, "user-form").get("username"), "what was typed is kept");
            assertTrue(page.select("#one-time-password").isEmpty());
        }
        int users = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_user").mapTo(Integer.class).one());
        assertEquals(2, users);
        assertTrue(auditEntries().isEmpty());
    }

    @Test
    void aRoleChangeAppliesAtTheUsersNextRequest() {
        CLERK.createIn(app.database(), Role.EDITOR);
        WebClient clerk = signedInAs(CLERK);
        assertEquals(403, clerk.get("/admin/users").statusCode());
        assertEquals(303, boss.post("/admin/users/" + id("clerk") + "/role", Map.of("role", "admin")).statusCode());
        assertEquals("角色已修改，下一次请求起生效。", Html.flash(boss.page("/admin/users")).orElseThrow());
        assertEquals(200, clerk.get("/admin/users").statusCode(), "the same session, now an admin");
        assertEquals(422, boss.post("/admin/users/" + id("clerk") + "/role", Map.of("role", "owner")).statusCode());
        assertEquals("admin", role("clerk"));

        Map<String, Object> entry = auditEntries().get(0);
        assertEquals("role", entry.get("action"));
        assertTrue(String.valueOf(entry.get("before_json")).contains("\"role\":\"editor\""));
        Document audit = boss.page("/admin/audit");
        String shown = Html.one(audit, "tr.audit-entry").text();
        assertTrue(shown.contains("修改角色") && shown.contains("编辑") && shown.contains("管理员"), shown);
        assertEquals(1, auditEntries().size(), "a 422 writes nothing");
    }

    @Test
    void aDisabledAccountIsSignedOutAndCannotSignInUntilEnabled() {
        CLERK.createIn(app.database(), Role.PUBLISHER);
        WebClient clerk = signedInAs(CLERK);
        assertEquals(303, boss.post("/admin/users/" + id("clerk") + "/disable", Map.of()).statusCode());
        assertTrue(disabled("clerk"));
        assertEquals(303, clerk.get("/admin").statusCode(), "signed out at once");
        assertEquals("/admin/login", clerk.get("/admin").headers().firstValue("Location").orElseThrow());
        assertEquals(401, app.client().signIn(CLERK).statusCode(), "refused like a wrong password");
        assertEquals("已停用", row(boss.page("/admin/users"), "clerk").selectFirst(".user-status span").text());

        assertEquals(303, boss.post("/admin/users/" + id("clerk") + "/enable", Map.of()).statusCode());
        assertFalse(disabled("clerk"));
        assertEquals(303, app.client().signIn(CLERK).statusCode());
        assertEquals(List.of("disable", "enable"), auditEntries().stream().map(e -> e.get("action")).toList());
    }

    @Test
    void aResetGivesANewOneTimePasswordAndEndsTheUsersSessions() {
        CLERK.createIn(app.database(), Role.EDITOR);
        WebClient clerk = signedInAs(CLERK);
        HttpResponse<String> reset = boss.post("/admin/users/" + id("clerk") + "/reset", Map.of());
        assertEquals(200, reset.statusCode());
        String password = Html.one(Html.parse(reset), "#one-time-password").text();
        assertEquals(303, clerk.get("/admin").statusCode(), "the old session ended");
        assertEquals(401, app.client().signIn(CLERK).statusCode(), "the old password is gone");
        WebClient again = app.client();
        assertEquals("/admin/account", again.signIn("clerk", password).headers().firstValue("Location").orElseThrow());
        Map<String, Object> entry = auditEntries().get(0);
        assertEquals("reset_password", entry.get("action"));
        assertFalse(String.valueOf(entry.get("after_json")).contains(password));

        HttpResponse<String> own = boss.post("/admin/users/" + id(BOSS.username()) + "/reset", Map.of());
        assertEquals(409, own.statusCode(), "one's own password is changed on the account page");
        assertEquals(404, boss.post("/admin/users/424242/reset", Map.of()).statusCode());
        assertEquals(404, boss.post("/admin/users/not-a-number/disable", Map.of()).statusCode());
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDisabled() {
        long bossId = id(BOSS.username());
        HttpResponse<String> demote = boss.post("/admin/users/" + bossId + "/role", Map.of("role", "publisher"));
        assertEquals(409, demote.statusCode());
        assertEquals("这是最后一个可用的管理员，不能更改其角色。请先让另一个账户成为管理员。",
                Html.one(Html.parse(demote), "#users-error").text());
        assertEquals("admin", role(BOSS.username()));

        DEPUTY.createIn(app.database(), Role.ADMIN);
        WebClient deputy = signedInAs(DEPUTY);
        assertEquals(409, deputy.post("/admin/users/" + id(DEPUTY.username()) + "/disable", Map.of()).statusCode(),
                "nobody disables themselves");
        assertEquals(303, deputy.post("/admin/users/" + bossId + "/disable", Map.of()).statusCode(), "two admins: allowed");
        // The boss still has the admin role, but a disabled admin is no admin to fall back on.
        HttpResponse<String> last = deputy.post("/admin/users/" + id(DEPUTY.username()) + "/role", Map.of("role", "editor"));
        assertEquals(409, last.statusCode());
        assertEquals("admin", role(DEPUTY.username()));
        assertEquals(303, deputy.post("/admin/users/" + bossId + "/enable", Map.of()).statusCode());
        assertEquals(303, deputy.post("/admin/users/" + id(DEPUTY.username()) + "/role", Map.of("role", "editor")).statusCode(),
                "with the boss enabled again, the deputy may step down");
        assertEquals(403, deputy.get("/admin/users").statusCode(), "and is no admin from the next request");

        boss = app.signedIn(); // disabling the boss ended the boss's sessions
        HttpResponse<String> en = boss.post("/admin/users/" + bossId + "/role?lang=en", Map.of("role", "editor"));
        assertEquals(409, en.statusCode());
        assertTrue(Html.one(Html.parse(en), "#users-error").text().startsWith("This is the last active admin"), en.body());
    }

    @Test
    @Timeout(60)
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        DEPUTY.createIn(app.database(), Role.ADMIN);
        WebClient deputy = signedInAs(DEPUTY);
        String bossToken = boss.csrfToken();
        String deputyToken = deputy.csrfToken();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        answers.add(CompletableFuture.supplyAsync(() -> {
            await(go);
            return boss.post("/admin/users/" + id(DEPUTY.username()) + "/role", Map.of("role", "editor", "_csrf", bossToken)).statusCode();
        }));
        answers.add(CompletableFuture.supplyAsync(() -> {
            await(go);
            return deputy.post("/admin/users/" + id(BOSS.username()) + "/role", Map.of("role", "editor", "_csrf", deputyToken)).statusCode();
        }));
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var a : answers) statuses.add(a.get(30, TimeUnit.SECONDS));
        statuses.sort(null);
        // The loser is refused either inside the write (409: it would demote the last admin) or, when the
        // winner committed before its request was checked, by the role table (403: no longer an admin).
        assertEquals(303, statuses.get(0), statuses.toString());
        assertTrue(statuses.get(1) == 409 || statuses.get(1) == 403, statuses.toString());
        int admins = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM admin_user WHERE role = 'admin' AND disabled = FALSE").mapTo(Integer.class).one());
        assertEquals(1, admins);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void roleAndStatusChangesRevertFromTheAuditLogOnlyByAnAdmin() {
        CLERK.createIn(app.database(), Role.EDITOR);
        DEPUTY.createIn(app.database(), Role.EDITOR);
        assertEquals(303, boss.post("/admin/users/" + id("clerk") + "/role", Map.of("role", "publisher")).statusCode());
        long entry = ((Number) auditEntries().get(0).get("id")).longValue();

        WebClient editor = signedInAs(DEPUTY);
        HttpResponse<String> refused = editor.post("/admin/audit/" + entry + "/revert", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(Html.one(Html.parse(refused), "#admin-message").text().contains("只有管理员"), refused.body());
        assertEquals("publisher", role("clerk"));

        assertEquals(303, boss.post("/admin/audit/" + entry + "/revert", Map.of()).statusCode());
        assertEquals("editor", role("clerk"));
        Map<String, Object> revert = auditEntries().get(1);
        assertEquals("revert", revert.get("action"));

        HttpResponse<String> reset = boss.post("/admin/users/" + id("clerk") + "/reset", Map.of());
        assertEquals(200, reset.statusCode());
        long resetEntry = ((Number) auditEntries().get(2).get("id")).longValue();
        HttpResponse<String> passwordRevert = boss.post("/admin/audit/" + resetEntry + "/revert", Map.of());
        assertEquals(409, passwordRevert.statusCode());
        assertTrue(Html.one(Html.parse(passwordRevert), "#admin-message").text().contains("密码的更改无法撤销"));
    }

    @Test
    void theListShowsEveryAccountWithItsActions() {
        CLERK.createIn(app.database(), Role.EDITOR);
        Document list = boss.page("/admin/users");
        assertEquals(2, list.select("#users-table tr.user-row").size());
        Element self = row(list, BOSS.username());
        assertNotNull(self.selectFirst("small"), "marked as you");
        assertTrue(self.select("form[action$=/disable], form[action$=/reset]").isEmpty(), "no disabling or resetting oneself here");
        Element clerk = row(list, "clerk");
        assertEquals(List.of("_csrf", "role"), List.copyOf(Html.fields(list, "role-form-" + id("clerk")).keySet()));
        assertNotNull(clerk.selectFirst("form[action=/admin/users/" + id("clerk") + "/disable]"));
        assertNotNull(clerk.selectFirst("form[action=/admin/users/" + id("clerk") + "/reset]"));
        assertEquals("管理员", self.selectFirst(".user-role").text());
        assertNotNull(boss.page("/admin").selectFirst("#users-link"));
    }
}
