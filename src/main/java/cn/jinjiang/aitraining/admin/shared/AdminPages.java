package cn.jinjiang.aitraining.admin.shared;

import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every admin page does the same way: the 422 answer, the conflict and archive pages, flash-and-redirect. */
public final class AdminPages {
    /** A form that does not validate is shown again with this status (the one place it is named). */
    public static final int UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT.getCode();
    /** Reports are dated in China; "tomorrow" is counted there. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Views views;
    private final Clock clock;

    public AdminPages(Views views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /**
     * One line of the conflict page: the field, what is saved now, what the admin sent, and whether
     * the admin changed this field (the form's value differs from the one it was read with).
     */
    public record ConflictRow(String labelKey, String theirs, String yours, boolean yoursChanged) {}

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Back to the admin list with a flash message. */
    public static void done(Context ctx, String flashKey, Object... args) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) session.flash(flashKey, false, args);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    /**
     * The seam of review before publishing (issue 13), called by every write path after its
     * validation: when the change must wait for a publisher it is stored, the answer redirects to
     * the page saying it awaits review, and true is returned (the caller applies nothing).
     */
    public static boolean heldForReview(Context ctx, ReviewGate review, String kind, String targetKey, Integer baseVersion) {
        return heldForReview(ctx, review, kind, targetKey, baseVersion, ctx.formParamMap());
    }

    /** The same, with the form as the caller completes it (an import adds the plan it previewed). */
    public static boolean heldForReview(Context ctx, ReviewGate review, String kind, String targetKey, Integer baseVersion,
                                        Map<String, List<String>> form) {
        Optional<String> page = review.hold(AdminGuard.session(ctx), kind, targetKey, baseVersion, form);
        page.ifPresent(url -> ctx.redirect(url, HttpStatus.SEE_OTHER));
        return page.isPresent();
    }

    /**
     * 409 with the saved and the sent value of each field, then whether each side archives. A field
     * is marked as the admin's change only when it differs from {@code shown}, the value the form
     * was read with; a form that carried no such values (a script's) has every field marked.
     */
    public void conflict(Context ctx, String editUrl, List<EditableField.Difference> fields, Map<String, String> shown,
                         boolean theirsArchived, boolean yoursArchived) {
        List<ConflictRow> rows = new ArrayList<>();
        for (EditableField.Difference d : fields) {
            String before = shown.get(d.field());
            boolean changed = before == null || !before.strip().equals(d.proposed().strip());
            rows.add(new ConflictRow(d.labelKey(), d.saved(), d.proposed(), changed));
        }
        rows.add(new ConflictRow("admin.field.archived", yesNo(ctx, theirsArchived), yesNo(ctx, yoursArchived),
                theirsArchived != yoursArchived));
        ctx.status(409);
        views.html(ctx, "admin/conflict", Map.of("rows", rows, "editUrl", editUrl));
    }

    public void archiveForm(Context ctx, int status, String type, String key, String label, String version,
                            String reason, FieldErrors fieldErrors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entityType", type);
        model.put("key", key);
        model.put("label", label);
        model.put("version", version == null ? "" : version);
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", fieldErrors.labelledMessages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/archive", model);
    }

    /** What the archive form posts, checked: the reason and the version it was read at. */
    public record ArchiveRequest(String reason, Integer version) {}

    /** Reads the archive form; when it does not validate, the form is shown again and the result is null. */
    public ArchiveRequest archiveRequest(Context ctx, String type, String key, String label) {
        FieldErrors fieldErrors = new FieldErrors();
        String reason = fieldErrors.text("reason", ctx.formParam("reason"), true, 500);
        Integer version = fieldErrors.version("version", ctx.formParam("version"));
        if (fieldErrors.isEmpty()) return new ArchiveRequest(reason, version);
        archiveForm(ctx, UNPROCESSABLE, type, key, label, ctx.formParam("version"), ctx.formParam("reason"), fieldErrors);
        return null;
    }

    private static String yesNo(Context ctx, boolean value) {
        return Messages.get(RequestLang.resolve(ctx), value ? "admin.yes" : "admin.no");
    }
}
