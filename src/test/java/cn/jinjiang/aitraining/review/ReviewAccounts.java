package cn.jinjiang.aitraining.review;

import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Accounts of each role for the review tests, put straight into the database (the accounts pages
 * are built elsewhere), and the require-review switch turned through its form.
 */
final class ReviewAccounts {
    static final String PASSWORD = "correct horse battery staple";

    private ReviewAccounts() {}

    /** Creates {@code username} with {@code role} and signs a new client in as it. */
    static WebClient signedIn(TestApp app, String username, Role role) {
        setRole(app, username, role);
        WebClient client = app.client();
        HttpResponse<String> login = client.signIn(username, PASSWORD);
        if (login.statusCode() != 303) throw new AssertionError("sign-in as " + username + " failed: " + login.statusCode());
        return client;
    }

    /** Creates the account if needed and gives it {@code role} (takes effect at its next request). */
    static void setRole(TestApp app, String username, Role role) {
        // Creating replaces the password, which ends the account's sessions: only for a new account.
        if (new AdminUserDao(app.database().jdbi()).find(username).isEmpty()) {
            new TestAdmin(username, PASSWORD).createIn(app.database());
        }
        app.database().jdbi().useHandle(h -> h.createUpdate("UPDATE admin_user SET role = :role WHERE username = :u")
                .bind("role", role.code()).bind("u", username).execute());
    }

    /** Switches review on or off through /admin/settings, as an admin; asserts it worked. */
    static void requireReview(WebClient admin, boolean on) {
        Map<String, String> form = admin.form("/admin/settings", "settings-form");
        if (on) form.put("require_review", "on"); else form.remove("require_review");
        form.put("reason", on ? "two people check every number" : "back to one person");
        HttpResponse<String> saved = admin.post("/admin/settings", form);
        if (saved.statusCode() != 303) throw new AssertionError("settings not saved: " + saved.statusCode() + "\n" + saved.body());
    }
}
