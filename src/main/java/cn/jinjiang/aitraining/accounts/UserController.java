package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.auth.Account;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.auth.PasswordHasher;
import cn.jinjiang.aitraining.auth.PasswordPolicy;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users page (admin role, see {@code RoleRules}): GET /admin/users, GET/POST /admin/users/new
 * ({@code username}, {@code role}), POST /admin/users/{id}/role ({@code role}), …/disable, …/enable,
 * …/reset. A new or reset one-time password is shown once, in the answer to the POST, and stored
 * nowhere but as a hash.
 */
public final class UserController {
    public static final String USERNAME = "username";
    public static final String ROLE = "role";
    static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::code).toList();

    private final UserService service;
    private final Views views;

    public UserController(UserService service, Views views) {
        this.service = service;
        this.views = views;
    }

    public void list(Context ctx) {
        renderList(ctx, 200, null);
    }

    public void newForm(Context ctx) {
        renderForm(ctx, 200, "", Role.EDITOR.code(), Map.of());
    }

    public void create(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        String username = Optional.ofNullable(ctx.formParam(USERNAME)).orElse("").strip();
        String roleCode = Optional.ofNullable(ctx.formParam(ROLE)).orElse("");
        Map<String, String> errors = new LinkedHashMap<>();
        if (username.isEmpty()) errors.put(USERNAME, "validation.required");
        else if (!PasswordPolicy.validUsername(username)) errors.put(USERNAME, "username.invalid");
        Optional<Role> role = Role.fromCode(roleCode);
        if (role.isEmpty()) errors.put(ROLE, "users.role_invalid");
        if (errors.isEmpty()) {
            try {
                UserService.OneTimePassword created = service.create(AdminGuard.username(ctx), username, role.get());
                showPassword(ctx, "created", created);
                return;
            } catch (UserChangeRefused refused) {
                errors.put(USERNAME, refused.messageKey());
            } catch (PasswordHasher.Busy busy) {
                ctx.header("Retry-After", "5");
                renderForm(ctx, 503, username, roleCode, Map.of(USERNAME, Messages.get(lang, "login.busy")));
                return;
            }
        }
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach((field, key) -> messages.put(field, Messages.get(lang, key)));
        renderForm(ctx, 422, username, roleCode, messages);
    }

    public void changeRole(Context ctx) {
        long id = userId(ctx);
        Optional<Role> role = Role.fromCode(ctx.formParam(ROLE));
        if (role.isEmpty()) {
            renderList(ctx, 422, "users.role_invalid");
            return;
        }
        change(ctx, () -> service.changeRole(AdminGuard.username(ctx), id, role.get()), "users.flash.role_changed");
    }

    public void disable(Context ctx) {
        long id = userId(ctx);
        change(ctx, () -> service.setDisabled(AdminGuard.username(ctx), id, true), "users.flash.disabled");
    }

    public void enable(Context ctx) {
        long id = userId(ctx);
        change(ctx, () -> service.setDisabled(AdminGuard.username(ctx), id, false), "users.flash.enabled");
    }

    public void resetPassword(Context ctx) {
        long id = userId(ctx);
        try {
            showPassword(ctx, "reset", service.resetPassword(AdminGuard.username(ctx), id));
        } catch (UserChangeRefused refused) {
            refuse(ctx, refused);
        } catch (PasswordHasher.Busy busy) {
            ctx.header("Retry-After", "5");
            renderList(ctx, 503, "login.busy");
        }
    }

    private void change(Context ctx, Runnable change, String flashKey) {
        try {
            change.run();
        } catch (UserChangeRefused refused) {
            refuse(ctx, refused);
            return;
        }
        AdminSession session = AdminGuard.session(ctx);
        session.flash(flashKey, false);
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, UserChangeRefused refused) {
        if (refused.messageKey().equals("users.not_found")) throw new NotFound("user_not_found");
        renderList(ctx, 409, refused.messageKey());
    }

    private static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("user_not_found");
        }
    }

    /** A user as the list shows it. */
    public record UserRow(Account account, String created, String lastSeen, boolean self) {}

    private void renderList(Context ctx, int status, String errorKey) {
        String self = AdminGuard.username(ctx);
        List<UserRow> rows = service.list().stream()
                .map(a -> new UserRow(a, Times.shown(a.createdAt()), Times.shown(a.lastSeen()), a.username().equals(self)))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("users", rows);
        model.put("roles", ROLES);
        model.put("errorText", errorKey == null ? null : Messages.get(RequestLang.resolve(ctx), errorKey));
        ctx.status(status);
        views.html(ctx, "admin/users", model);
    }

    private void renderForm(Context ctx, int status, String username, String role, Map<String, String> fieldMessages) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, String> summary = new LinkedHashMap<>();
        fieldMessages.forEach((field, message) -> summary.put(field,
                Messages.get(lang, "admin.errors.item", Messages.get(lang, "users.field." + field), message)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username);
        model.put("role", role);
        model.put("roles", ROLES);
        model.put("errors", summary);
        model.put("fieldErrors", fieldMessages);
        ctx.status(status);
        views.html(ctx, "admin/users-new", model);
    }

    private void showPassword(Context ctx, String kind, UserService.OneTimePassword result) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", kind);
        model.put("user", result.account());
        model.put("password", result.password());
        ctx.status(200);
        views.html(ctx, "admin/users-password", model);
    }
}
