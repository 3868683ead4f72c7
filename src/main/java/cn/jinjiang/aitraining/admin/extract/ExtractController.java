package cn.jinjiang.aitraining.admin.extract;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.events.EventForm;
import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.EditConflict;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.UnusualChange;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The extract page: paste a text, see its figures with suggested targets, tick some, check them
 * on one review form and save them all at once. Only the last step writes, in one transaction.
 */
public final class ExtractController {

    private final ExtractService service;
    private final Views views;
    private final AdminPages pages;
    private final ReviewGate review;

    public ExtractController(ExtractService service, Views views, AdminPages pages, ReviewGate review) {
        this.service = service;
        this.views = views;
        this.pages = pages;
        this.review = review;
    }

    // GET /admin/extract
    public void form(Context ctx) {
        render(ctx, 200, ExtractForm.blank(), new FieldErrors(), null);
    }

    // POST /admin/extract
    public void extract(Context ctx) {
        ExtractForm form = new ExtractForm(ctx.formParam("text"), ctx.formParam("date"), ctx.formParam("source"));
        FieldErrors errors = new FieldErrors();
        Optional<ExtractForm.Valid> valid = form.validate(pages.today(), errors);
        if (valid.isEmpty()) {
            render(ctx, UNPROCESSABLE, form, errors, null);
            return;
        }
        render(ctx, 200, form, errors, service.extract(valid.get()));
    }

    // POST /admin/extract/review: the one form of everything ticked; saves nothing. It carries the
    // one-time token the extract page was rendered with, so the review sent again after it was saved
    // (browser back, "resubmit the form") leads to what was saved rather than to a form that saves twice.
    public void review(Context ctx) {
        String token = ctx.formParam(ReviewForm.SUBMISSION_FIELD);
        if (!ReviewSubmissions.wellFormed(token)) token = service.newToken();
        else if (service.saved(token).isPresent()) {
            redirectToSaved(ctx, token, true);
            return;
        }
        ReviewForm form = service.review(ctx.formParams("keep"), index -> ctx.formParam("target_" + index), token);
        renderReview(ctx, 200, form, null);
    }

    // POST /admin/extract/apply: every row in one transaction, or none; then 303 to what was saved
    // (post/redirect/get). The form's one-time token makes a second submission of it (browser back
    // and submit again, a double click) land on the first one's "saved" page, saving nothing.
    public void apply(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        String token = ctx.formParam(ReviewForm.SUBMISSION_FIELD);
        if (ReviewSubmissions.wellFormed(token) && service.saved(token).isPresent()) {
            redirectToSaved(ctx, token, true);
            return;
        }
        ReviewForm.Checked checked = service.check(ctx.formParams("row"), ctx::formParam, pages.today(), lang);
        if (!ReviewSubmissions.wellFormed(checked.form().submission())) {
            // a form without its token (not one this server rendered): shown again with one, saved only when resent
            renderReview(ctx, UNPROCESSABLE, checked.form().withSubmission(service.newToken()),
                    Messages.get(lang, "extract.review.no_token"));
            return;
        }
        if (checked.changes() == null) {
            renderReview(ctx, UNPROCESSABLE, checked.form(), null);
            return;
        }
        if (AdminPages.heldForReview(ctx, review, ExtractReviewKind.KIND, "", null)) return;
        try {
            service.apply(checked.form().submission(), checked.changes(), AdminGuard.username(ctx));
            redirectToSaved(ctx, checked.form().submission(), false);
        } catch (AlreadySaved again) {
            // the same form sent twice at once: the other request saved it while this one was checked
            redirectToSaved(ctx, again.token(), true);
        } catch (EditConflict | DuplicateKey conflict) {
            renderReview(ctx, 409, checked.form(), Messages.get(lang, "extract.apply.conflict"));
        }
    }

    // GET /admin/extract/saved/{token}: what one review saved, with links; ?again=yes when the form was sent again
    public void saved(Context ctx) {
        String token = ctx.pathParam("token");
        ExtractService.Saved saved = service.saved(token).orElseThrow(() -> new NotFound("not_found"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("saved", saved);
        model.put("again", "yes".equals(ctx.queryParam("again")));
        views.html(ctx, "admin/extract-saved", model);
    }

    private static void redirectToSaved(Context ctx, String token, boolean again) {
        ctx.redirect("/admin/extract/saved/" + token + (again ? "?again=yes" : ""), HttpStatus.SEE_OTHER);
    }

    private void renderReview(Context ctx, int status, ReviewForm form, String conflict) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("review", form);
        model.put("errors", form.summary(RequestLang.resolve(ctx)));
        model.put("conflict", conflict);
        model.put("categories", FigureForm.CATEGORIES);
        model.put("qualifiers", Arrays.stream(Qualifier.values()).map(Qualifier::code).toList());
        model.put("eventKinds", EventForm.KINDS);
        model.put("sharedFields", ReviewForm.SHARED_FIELDS);
        model.put("confirmField", UnusualChange.CONFIRM_FIELD);
        model.put("confirmValue", UnusualChange.CONFIRM_VALUE);
        model.put("submissionField", ReviewForm.SUBMISSION_FIELD);
        ctx.status(status);
        views.html(ctx, "admin/extract-review", model);
    }

    private void render(Context ctx, int status, ExtractForm form, FieldErrors errors, ExtractService.Result result) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("errors", errors.messages(RequestLang.resolve(ctx)));
        model.put("result", result);
        model.put("maxChars", ExtractForm.MAX_CHARS);
        model.put("maxCandidates", ExtractService.MAX_CANDIDATES);
        model.put("submissionField", ReviewForm.SUBMISSION_FIELD);
        model.put("submission", service.newToken());
        ctx.status(status);
        views.html(ctx, "admin/extract", model);
    }
}
