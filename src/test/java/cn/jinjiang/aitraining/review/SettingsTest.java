package cn.jinjiang.aitraining.review;

import static cn.jinjiang.aitraining.review.ReviewAccounts.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /admin/settings: the require-review switch, admins only, audited, with a reason, CSRF and optimistic locking. */
class SettingsTest {
    TestApp app;
    WebClient admin;

    @BeforeEach void start() {
        app = TestApp.start();
        admin = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private String stored() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT value FROM setting WHERE name = 'require_review'")
                .mapTo(String.class).one());
    }

    @Test
    void reviewIsOffOnAFreshInstallAndAnAdminSwitchesItOnWithAReason() {
        Map<String, String> form = admin.form("/admin/settings", "settings-form");
        assertFalse(form.containsKey("require_review"), "the box is not ticked on a fresh install");
        assertEquals("false", stored());

        form.put("require_review", "on");
        form.put("reason", "");
        HttpResponse<String> noReason = admin.post("/admin/settings", form);
        assertEquals(422, noReason.statusCode());
        assertTrue(Html.errorSummary(Html.parse(noReason)).containsKey("reason"));
        assertEquals("false", stored(), "nothing saved");

        form.put("reason", "two people check every number");
        HttpResponse<String> saved = admin.post("/admin/settings", form);
        assertEquals(303, saved.statusCode());
        assertEquals("true", stored());
        Document again = admin.page("/admin/settings");
        assertTrue(Html.one(again, "#require_review").hasAttr("checked"));
        assertTrue(Html.flash(again).isPresent());
        assertTrue(admin.page("/admin/review").text().contains("已开启"));

        Document audit = admin.page("/admin/audit");
        String log = audit.text();
        assertTrue(log.contains("two people check every number"), log);
        assertTrue(log.contains("先审后发"), "the setting is named in the log");
        assertTrue(admin.get("/admin/audit.csv").body().contains("\"setting\",\"require_review\""));
    }

    @Test
    void aFormReadBeforeSomebodyElseSavedIsRefusedWithWhatIsSavedNow() {
        Map<String, String> stale = admin.form("/admin/settings", "settings-form");
        WebClient other = app.signedIn();
        ReviewAccounts.requireReview(other, true);
        stale.put("reason", "switching it on as well");
        stale.put("require_review", "on");
        HttpResponse<String> refused = admin.post("/admin/settings", stale);
        assertEquals(409, refused.statusCode());
        assertTrue(Html.one(Html.parse(refused), "#conflict-message").text().contains("“是”"), refused.body());
        int entries = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'setting'").mapTo(Integer.class).one());
        assertEquals(1, entries, "only the first save is audited");
        // the form shown again carries the new version: sending it now works
        Map<String, String> resent = Html.fields(Html.parse(refused), "settings-form");
        resent.remove("require_review");
        resent.put("reason", "off again after all");
        assertEquals(303, admin.post("/admin/settings", resent).statusCode());
        assertEquals("false", stored());
    }

    @Test
    void onlyAdminsSeeOrChangeSettingsAndTheFormNeedsItsToken() {
        WebClient editor = signedIn(app, "ed", Role.EDITOR);
        WebClient publisher = signedIn(app, "pub", Role.PUBLISHER);
        Map<String, String> form = admin.form("/admin/settings", "settings-form");
        form.put("require_review", "on");
        form.put("reason", "sneaking it on");
        for (WebClient who : new WebClient[] {editor, publisher}) {
            assertEquals(403, who.get("/admin/settings").statusCode());
            assertEquals(403, who.post("/admin/settings", Map.of("require_review", "on", "version", "1", "reason", "x")).statusCode());
        }
        form.put("_csrf", "forged");
        assertEquals(403, admin.postAsIs("/admin/settings", form).statusCode());
        assertEquals(403, app.client().postAsIs("/admin/settings", form).statusCode(), "no session, no token");
        assertEquals("false", stored());
    }
}
