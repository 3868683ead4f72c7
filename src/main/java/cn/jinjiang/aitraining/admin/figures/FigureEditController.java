package cn.jinjiang.aitraining.admin.figures;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.values.Qualifier;
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

    public FigureEditController(AdminFigureService figures, AdminPages pages, Views views) {
        this.figures = figures;
        this.pages = pages;
        this.views = views;
    }

    // GET /admin/figures/new (?prefill=1&value=... from the extract page only fills the form in)
    public void newFigure(Context ctx) {
        Optional<FigurePrefill> prefill = FigurePrefill.from(ctx::queryParam);
        FigureForm form = prefill.map(p -> p.applyTo(FigureForm.blank())).orElse(FigureForm.blank());
        render(ctx, 200, null, form, new FieldErrors(), prefill.isPresent());
    }

    // POST /admin/figures/new
    public void createFigure(Context ctx) {
        FigureForm form = form(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(true, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, null, form, fieldErrors, false);
            return;
        }
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
        FigureForm form = form(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(false, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, figure, form, fieldErrors, false);
            return;
        }
        try {
            FigureState saved = figures.edit(figure.key(), change.get(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("figure_not_found"));
            AdminPages.done(ctx, "admin.flash.figure_saved", saved.labelZh());
        } catch (FigureConflict conflict) {
            FigureState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), EditableField.compare(FigureFields.EDIT_FORM, theirs, form),
                    theirs.archived(), figures.archivedAt(figure.key(), change.get().version()));
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
        try {
            figures.archive(figure.key(), request.version(), request.reason(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("figure_not_found"));
            AdminPages.done(ctx, "admin.flash.archived", figure.labelZh());
        } catch (FigureConflict conflict) {
            FigureState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), List.of(), theirs.archived(), true);
        }
    }

    /** The figure the URL names, or the 404 page. */
    private FigureState figure(Context ctx) {
        return figures.state(ctx.pathParam("key")).orElseThrow(() -> new NotFound("figure_not_found"));
    }

    private static String editUrl(FigureState f) {
        return "/admin/figures/" + f.key();
    }

    private static FigureForm form(Context ctx) {
        return new FigureForm(ctx.formParam("mode"), ctx.formParam("key"), ctx.formParam("category"),
                ctx.formParam("label_zh"), ctx.formParam("label_en"), ctx.formParam("value"), ctx.formParam("unit"),
                ctx.formParam("qualifier"), ctx.formParam("qualifier_word"), ctx.formParam("period"),
                ctx.formParam("period_en"), ctx.formParam("as_of"), ctx.formParam("source"), ctx.formParam("source_date"),
                ctx.formParam("source_headline"), ctx.formParam("quote"), ctx.formParam("reason"), ctx.formParam("version"));
    }

    private void render(Context ctx, int status, FigureState figure, FigureForm form, FieldErrors fieldErrors,
                        boolean prefilled) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", figure == null);
        model.put("figureKey", figure == null ? null : figure.key());
        model.put("current", figure == null ? null : figure.display(lang));
        model.put("archived", figure != null && figure.archived());
        model.put("form", form);
        model.put("errors", fieldErrors.messages(lang));
        model.put("qualifiers", List.of(Qualifier.values()).stream().map(Qualifier::code).toList());
        model.put("categories", FigureForm.CATEGORIES);
        model.put("prefilled", prefilled);
        ctx.status(status);
        views.html(ctx, "admin/figure-form", model);
    }
}
