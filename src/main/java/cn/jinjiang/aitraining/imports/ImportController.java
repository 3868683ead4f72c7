package cn.jinjiang.aitraining.imports;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.figures.FigureConflict;
import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.values.UnusualChange;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET/POST /admin/import and POST /admin/import/{id}/apply. */
public final class ImportController {
    private static final String SESSION_PREFIX = "import:";
    private final ImportService service;
    private final Views views;
    private final AdminPages pages;
    private final ReviewGate review;

    public ImportController(ImportService service, Views views, AdminPages pages, ReviewGate review) {
        this.service = service;
        this.views = views;
        this.pages = pages;
        this.review = review;
    }

    /** A problem as shown: line, column and the message in the viewer's language. */
    public record ShownProblem(int line, String column, String message) {}

    /** A row as shown: what it does, and its unusual-value warnings in the viewer's language. */
    public record ShownRow(ImportPlan.Row row, List<String> warnings) {}

    public void form(Context ctx) {
        render(ctx, 200, null, null, "");
    }

    public void upload(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            render(ctx, UNPROCESSABLE, null, "import.choose_file", "");
            return;
        }
        if (file.size() > ImportService.MAX_BYTES) {
            render(ctx, 413, null, "import.too_large", "");
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(ImportService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportPlan plan = service.preview(file.filename(), bytes, pages.today());
        if (!plan.hasProblems()) AdminGuard.session(ctx).put(SESSION_PREFIX + plan.id(), plan);
        render(ctx, plan.hasProblems() ? UNPROCESSABLE : 200, plan, null, "");
    }

    public void apply(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        ImportPlan plan = session.get(SESSION_PREFIX + ctx.pathParam("id"), ImportPlan.class);
        if (plan == null) {
            render(ctx, 410, null, "import.expired", "");
            return;
        }
        String typed = ctx.formParam("reason");
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", typed, true, 500);
        if (!errors.isEmpty()) {
            Map<String, String> messages = errors.messages(RequestLang.resolve(ctx));
            ctx.attribute("reasonError", messages.get("reason"));
            render(ctx, UNPROCESSABLE, plan, null, typed == null ? "" : typed);
            return;
        }
        boolean confirmed = UnusualChange.confirmed(ctx.formParam(UnusualChange.CONFIRM_FIELD));
        if (plan.hasUnusual() && !confirmed) {
            // nothing is applied: the preview again, with the warnings and the box to tick
            ctx.attribute("unusualError", Messages.get(RequestLang.resolve(ctx), "admin.import.unusual_unconfirmed"));
            render(ctx, UNPROCESSABLE, plan, null, typed);
            return;
        }
        if (AdminPages.heldForReview(ctx, review, ImportReviewKind.KIND, plan.fileName(), null,
                ImportReviewKind.formWithPlan(ctx.formParamMap(), plan))) {
            session.remove(SESSION_PREFIX + plan.id());
            return;
        }
        try {
            int applied = service.apply(plan, reason, AdminGuard.username(ctx), confirmed);
            session.remove(SESSION_PREFIX + plan.id());
            session.flash("admin.flash.imported", false, applied);
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (FigureConflict conflict) {
            session.remove(SESSION_PREFIX + plan.id());
            render(ctx, 409, null, "import.conflict", "");
        }
    }

    private void render(Context ctx, int status, ImportPlan plan, String errorKey, String reason) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("plan", plan);
        model.put("fileError", errorKey == null ? null : Messages.get(lang, errorKey, 2));
        model.put("reason", reason);
        model.put("reasonError", ctx.attribute("reasonError"));
        List<ShownProblem> problems = plan == null ? List.of() : plan.problems().stream()
                .map(p -> new ShownProblem(p.line(), p.column(), Messages.get(lang, p.messageKey(), p.args())))
                .toList();
        model.put("problems", problems);
        model.put("shownRows", plan == null ? List.of() : plan.rows().stream()
                .map(r -> new ShownRow(r, r.unusual().stream().map(u -> warning(lang, u)).toList()))
                .toList());
        model.put("unusualError", ctx.attribute("unusualError"));
        model.put("confirmField", UnusualChange.CONFIRM_FIELD);
        model.put("confirmValue", UnusualChange.CONFIRM_VALUE);
        ctx.status(status);
        views.html(ctx, "admin/import", model);
    }

    private static String warning(Lang lang, ImportPlan.Unusual u) {
        String current = u.current() == null ? "" : QuantityFormat.display(lang, u.current(), u.currentUnitEn());
        String proposed = QuantityFormat.display(lang, u.proposed(), u.proposedUnitEn());
        return Messages.get(lang, u.warning().messageKey(), current, proposed, u.period());
    }
}
