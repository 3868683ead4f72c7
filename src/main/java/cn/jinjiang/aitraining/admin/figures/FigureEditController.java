package cn.jinjiang.aitraining.admin.figures;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.values.UnusualChange;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figure forms: new, edit (report or correction), archive. Parses, calls the service, renders or redirects. */
public final class FigureEditController {
    private final AdminFigureService figures;
    private final AdminPages pages;
    private final Views views;
    private final ReviewGate review;

    public FigureEditController(AdminFigureService figures, AdminPages pages, Views views, ReviewGate review) {
        this.figures = figures;
        this.pages = pages;
        this.views = views;
        this.review = review;
    }

    // GET /admin/figures/new (?prefill=1&value=... from the extract page only fills the form in)
    public void newFigure(Context ctx) {
        Optional<FigurePrefill> prefill = FigurePrefill.from(ctx::queryParam);
        FigureForm form = prefill.map(p -> p.applyTo(FigureForm.blank())).orElse(FigureForm.blank());
        render(ctx, 200, null, form, new FieldErrors(), prefill.isPresent());
    }

    // POST /admin/figures/new
    public void createFigure(Context ctx) {
        FigureForm form = FigureForm.read(ctx::formParam);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(FigureForm.Purpose.CREATE, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, null, form, fieldErrors, false);
            return;
        }
        if (unusual(ctx, null, form, change.get())) return;
        if (AdminPages.heldForReview(ctx, review, FigureReviewKinds.NEW, "", null)) return;
        try {
            FigureState created = figures.create(change.get(), AdminGuard.username(ctx));
            AdminPages.done(ctx, "admin.flash.figure_created", created.labelZh());
        } catch (DuplicateKey taken) {
            fieldErrors.add("key", "validation.key_taken");
            render(ctx, UNPROCESSABLE, null, form, fieldErrors, false);
        }
    }

    // GET /admin/figures/{key} (?prefill=1&value=... from the extract page only fills the form in)
    public void editFigure(Context ctx) {
        FigureState figure = figure(ctx);
        Optional<FigurePrefill> prefill = FigurePrefill.from(ctx::queryParam);
        FigureForm form = FigureForm.of(figure);
        render(ctx, 200, figure, prefill.map(p -> p.applyTo(form)).orElse(form), new FieldErrors(), prefill.isPresent());
    }

    // POST /admin/figures/{key}
    public void saveFigure(Context ctx) {
        FigureState figure = figure(ctx);
        FigureForm form = FigureForm.read(ctx::formParam);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(FigureForm.Purpose.EDIT, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, figure, form, fieldErrors, false);
            return;
        }
        if (unusual(ctx, figure, form, change.get())) return;
        if (AdminPages.heldForReview(ctx, review, FigureReviewKinds.EDIT, figure.key(), change.get().version())) return;
        try {
            FigureState saved = figures.edit(figure.key(), change.get(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("figure_not_found"));
            AdminPages.done(ctx, "admin.flash.figure_saved", saved.labelZh());
        } catch (FigureConflict conflict) {
            FigureState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), EditableField.compare(FigureFields.EDIT_FORM, theirs, form),
                    form.shownValues(), theirs.archived(), figures.archivedAt(figure.key(), change.get().version()));
        }
    }

    // GET /admin/figures/{key}/archive
    public void archiveFigureForm(Context ctx) {
        FigureState figure = figure(ctx);
        pages.archiveForm(ctx, 200, "figure", figure.key(), figure.labelZh(), String.valueOf(figure.version()), "",
                new FieldErrors());
    }

    // POST /admin/figures/{key}/archive
    public void archiveFigure(Context ctx) {
        FigureState figure = figure(ctx);
        AdminPages.ArchiveRequest request = pages.archiveRequest(ctx, "figure", figure.key(), figure.labelZh());
        if (request == null) return;
        if (AdminPages.heldForReview(ctx, review, FigureReviewKinds.ARCHIVE, figure.key(), request.version())) return;
        try {
            figures.archive(figure.key(), request.version(), request.reason(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("figure_not_found"));
            AdminPages.done(ctx, "admin.flash.archived", figure.labelZh());
        } catch (FigureConflict conflict) {
            FigureState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), List.of(), Map.of(), theirs.archived(), true);
        }
    }

    /** The figure the URL names, or the 404 page. */
    private FigureState figure(Context ctx) {
        return figures.state(ctx.pathParam("key")).orElseThrow(() -> new NotFound("figure_not_found"));
    }

    private static String editUrl(FigureState f) {
        return "/admin/figures/" + f.key();
    }

    /**
     * A value that needs a second look ({@link UnusualChange}) and was not confirmed: the form is
     * shown again with the warnings and the confirming checkbox, and true is returned.
     */
    private boolean unusual(Context ctx, FigureState figure, FigureForm form, FigureChange c) {
        if (UnusualChange.confirmed(ctx.formParam(UnusualChange.CONFIRM_FIELD))) return false;
        List<UnusualChange.Warning> warnings = c.unusualOver(figure);
        if (warnings.isEmpty()) return false;
        Lang lang = RequestLang.resolve(ctx);
        FigureState.ObservationState now = figure == null ? null : figure.latest();
        String unitEn = figure == null ? null : figure.unitEn();
        String currentDisplay = now == null ? "" : QuantityFormat.display(lang, now.quantity(), unitEn);
        String newDisplay = QuantityFormat.display(lang, c.quantity(), unitEn);
        List<String> messages = warnings.stream()
                .map(w -> Messages.get(lang, w.messageKey(), currentDisplay, newDisplay, c.periodZh())).toList();
        render(ctx, UNPROCESSABLE, figure, form, new FieldErrors(), false, messages);
        return true;
    }

    private void render(Context ctx, int status, FigureState figure, FigureForm form, FieldErrors fieldErrors,
                        boolean prefilled) {
        render(ctx, status, figure, form, fieldErrors, prefilled, List.of());
    }

    /** The form page; {@code unusual} are the warnings of a value that needs confirming (usually none). */
    private void render(Context ctx, int status, FigureState figure, FigureForm form, FieldErrors fieldErrors,
                        boolean prefilled, List<String> unusual) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", figure == null);
        model.put("figureKey", figure == null ? null : figure.key());
        model.put("current", figure == null ? null : figure.display(lang));
        model.put("archived", figure != null && figure.archived());
        model.put("form", form);
        model.put("fields", FigureFields.FORM.stream().filter(f -> f.shownWhen(figure == null)).toList());
        model.put("errors", fieldErrors.labelledMessages(lang));
        model.put("prefilled", prefilled);
        model.put("unusual", unusual);
        ctx.status(status);
        views.html(ctx, "admin/figure-form", model);
    }
}
