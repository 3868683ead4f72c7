package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.WebApp;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which role each admin route needs. The HTTP test walks every /admin route the app registers (so a
 * route added later is covered without editing this test) with an editor, a publisher and an admin,
 * and sends only empty forms, which every handler refuses: the database must end unchanged.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RoleRulesTest {
    static final Map<Role, TestAdmin> ACCOUNTS = Map.of(
            Role.EDITOR, new TestAdmin("role-editor", "an editor's long password"),
            Role.PUBLISHER, new TestAdmin("role-publisher", "a publisher's long password"),
            Role.ADMIN, new TestAdmin("role-admin", "an admin's long password"));
    static final String FORBIDDEN_ZH = "你的账户角色不能使用此页面或操作。如需权限，请联系管理员。";

    static TestApp app;
    static final Map<Role, WebClient> clients = new EnumMap<>(Role.class);

    @BeforeAll static void start() {
        app = TestApp.start();
        for (var e : ACCOUNTS.entrySet()) {
            e.getValue().createIn(app.database(), e.getKey());
            WebClient client = app.client();
            assertEquals(303, client.signIn(e.getValue()).statusCode(), e.getKey().code());
            clients.put(e.getKey(), client);
        }
    }

    @AfterAll static void stop() { app.close(); }

    @Test
    void theTableNamesRoutesAsRegisteredAndCoversWhatIsBelowThem() {
        RoleRules rules = RoleRules.ADMIN_AREA;
        assertEquals(Role.ADMIN, rules.required("/admin/users"));
        assertEquals(Role.ADMIN, rules.required("/admin/users/new"));
        assertEquals(Role.ADMIN, rules.required("/admin/users/{id}/role"));
        assertEquals(Role.ADMIN, rules.required("/admin/settings"));
        assertEquals(Role.ADMIN, rules.required("/admin/dashboard/charts/{key}"));
        assertEquals(Role.PUBLISHER, rules.required("/admin/review/{id}/approve"));
        assertEquals(Role.PUBLISHER, rules.required("/admin/review/{pendingId}/reject"), "any parameter name");
        assertEquals(Role.PUBLISHER, rules.required("/admin/review/17/approve"), "a real path too");
        assertEquals(Role.EDITOR, rules.required("/admin/review"));
        assertEquals(Role.EDITOR, rules.required("/admin/review/{id}"));
        assertEquals(Role.EDITOR, rules.required("/admin/usersettings"), "a prefix of a segment is another route");
        assertEquals(Role.EDITOR, rules.required("/admin/figures/{key}"));
        assertEquals(Role.EDITOR, rules.required("/admin/account"));
        assertTrue(rules.allows(Role.ADMIN, "/admin/review/{id}/approve"), "an admin may do what a publisher may");
        assertFalse(rules.allows(Role.PUBLISHER, "/admin/users"));
        // The most demanding rule wins, whatever the order of declaration.
        RoleRules nested = new RoleRules().require(Role.ADMIN, "/admin/x/{id}/delete").require(Role.PUBLISHER, "/admin/x");
        assertEquals(Role.ADMIN, nested.required("/admin/x/{id}/delete"));
        assertEquals(Role.PUBLISHER, nested.required("/admin/x/{id}"));
    }

    @Test
    void everyAdminRouteAnswersEachRoleByTheTable() {
        List<String> checked = new ArrayList<>();
        for (Endpoint route : adminRoutes()) {
            Role needed = RoleRules.ADMIN_AREA.required(route.path);
            for (Role role : Role.values()) {
                WebClient client = clients.get(role);
                String path = sample(route.path);
                HttpResponse<String> r = route.method == HandlerType.GET ? client.get(path) : client.post(path, Map.of());
                String what = role.code() + " " + route.method + " " + path + " → " + r.statusCode();
                if (role.ordinal() < needed.ordinal()) {
                    assertEquals(403, r.statusCode(), what);
                    Document page = Html.parse(r);
                    assertTrue(page.text().contains(FORBIDDEN_ZH), what + ": the 403 page says why, in Chinese");
                    assertTrue(Html.one(page, ".admin-user").text().contains(ACCOUNTS.get(role).username()),
                            what + ": still signed in, with the admin bar");
                } else {
                    assertNotEquals(403, r.statusCode(), what);
                    assertFalse(r.body().contains(FORBIDDEN_ZH), what);
                }
                checked.add(what);
            }
        }
        // the routes this rules name, to be sure the walk saw them
        assertTrue(checked.stream().anyMatch(s -> s.startsWith("editor GET /admin/users →")), String.join("\n", checked));
        assertTrue(checked.stream().anyMatch(s -> s.startsWith("publisher POST /admin/users/new →")), String.join("\n", checked));
        assertTrue(checked.size() >= 3 * 25, "every route × 3 roles: " + checked.size());
        int entries = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
        assertEquals(0, entries, "no empty form changed anything:\n" + String.join("\n", checked));
        int active = app.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM admin_user WHERE disabled = FALSE").mapTo(Integer.class).one());
        assertEquals(3 + 1, active, "the three role accounts and the test app's own, all still active");
    }

    @Test
    void theForbiddenPageIsInTheReadersLanguageAndJsonForScripts() {
        WebClient editor = clients.get(Role.EDITOR);
        HttpResponse<String> en = editor.get("/admin/users?lang=en");
        assertEquals(403, en.statusCode());
        assertTrue(Html.parse(en).text().contains("Your account role does not allow this page or action."), en.body());
        editor.get("/admin?lang=zh");
        HttpResponse<String> json = editor.get("/admin/users", "Accept", "application/json");
        assertEquals(403, json.statusCode());
        assertTrue(json.body().contains("\"error\":\"role_forbidden\""), json.body());
    }

    @Test
    void theNavShowsTheUsersPageOnlyToAdmins() {
        for (Role role : Role.values()) {
            Document home = clients.get(role).page("/admin");
            assertEquals(role == Role.ADMIN, home.selectFirst("#nav-users") != null, role.code());
            assertTrue(home.selectFirst("#nav-account") != null, role.code());
        }
    }

    /** Every GET and POST route under /admin but signing in and out (which the walk must not do). */
    private static List<Endpoint> adminRoutes() {
        return WebApp.create(app.services()).unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method == HandlerType.GET || e.method == HandlerType.POST)
                .filter(e -> AdminGuard.isAdminPath(e.path))
                .filter(e -> !e.path.equals(AdminGuard.LOGIN_PATH) && !e.path.equals("/admin/logout"))
                .toList();
    }

    /** A path for the route: a real figure for {key}, ids that name nothing (so no form can act on something real). */
    private static String sample(String route) {
        String eventKey = app.database().jdbi().withHandle(h -> h.createQuery("SELECT event_key FROM event ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
        return route.replace("/admin/events/{key}", "/admin/events/" + eventKey)
                .replace("{key}", "ai-lectures")
                .replace("{ref}", "0000000000000000")
                .replaceAll("\\{[^}]+}", "999999");
    }
}
