package cn.jinjiang.aitraining.review;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /admin/review (what waits, with its diff; one's own changes and how they went),
 * GET /admin/review/{id} (one change; where an editor's save lands), and the publisher's
 * POST /admin/review/{id}/approve and POST /admin/review/{id}/reject.
 */
public final class ReviewController {
    static final int MAX_COMMENT = 500;
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ReviewService service;
    private final AdminPages pages;
    private final Views views;

    public ReviewController(ReviewService service, AdminPages pages, Views views) {
        this.service = service;
        this.pages = pages;
        this.views = views;
    }

    /** A change as a page shows it, with its times formatted and whether this viewer may decide it. */
    public record Item(ReviewService.Shown shown, String proposedAt, String reviewedAt, boolean decidable) {
        public PendingChange change() { return shown.change(); }
    }

    // GET /admin/review
    public void list(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        AdminSession session = AdminGuard.session(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("waiting", items(service.waiting(lang), session));
        model.put("mine", items(service.proposedBy(session.username(), lang), session));
        model.put("canPublish", session.role().canPublish());
        model.put("reviewOn", service.requireReview().on());
        views.html(ctx, "admin/review", model);
    }

    // GET /admin/review/{id}
    public void show(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        ReviewService.Shown shown = service.one(id(ctx), lang).orElseThrow(() -> new NotFound("review_not_found"));
        render(ctx, 200, item(shown, AdminGuard.session(ctx)), "", new FieldErrors());
    }

    // POST /admin/review/{id}/approve
    public void approve(Context ctx) {
        decide(ctx, true);
    }

    // POST /admin/review/{id}/reject
    public void reject(Context ctx) {
        decide(ctx, false);
    }

    private void decide(Context ctx, boolean approve) {
        long id = id(ctx);
        Lang lang = RequestLang.resolve(ctx);
        AdminSession session = AdminGuard.session(ctx);
        if (!session.role().canPublish()) {
            message(ctx, 403, Messages.get(lang, "review.refused.editor"), "/admin/review");
            return;
        }
        ReviewService.Shown shown = service.one(id, lang).orElseThrow(() -> new NotFound("review_not_found"));
        FieldErrors errors = new FieldErrors();
        String typed = ctx.formParam("comment");
        String comment = errors.text("comment", typed, !approve, MAX_COMMENT);
        if (!errors.isEmpty()) {
            render(ctx, AdminPages.UNPROCESSABLE, item(shown, session), typed, errors);
            return;
        }
        try {
            if (approve) {
                service.approve(id, session.username(), comment, pages.today());
            } else {
                service.reject(id, session.username(), comment);
            }
            session.flash(approve ? "review.flash.approved" : "review.flash.rejected", false, String.valueOf(id));
            ctx.redirect("/admin/review", HttpStatus.SEE_OTHER);
        } catch (ReviewRefused refused) {
            int status = switch (refused.messageKey()) {
                case "review.refused.own_change" -> 403;
                case "review.refused.not_found" -> 404;
                default -> 409;
            };
            message(ctx, status, Messages.get(lang, refused.messageKey(), refused.args()), "/admin/review/" + id);
        } catch (ReviewConflict conflict) {
            // the change against what is saved now, with the reason it cannot be applied; it can be rejected
            ReviewService.Shown now = service.one(id, lang).orElseThrow(() -> new NotFound("review_not_found"));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("item", item(now, session));
            model.put("message", Messages.get(lang, conflict.messageKey(), conflict.args()));
            model.put("comment", "");
            model.put("errors", Map.of());
            ctx.status(409);
            views.html(ctx, "admin/review-conflict", model);
        }
    }

    private void render(Context ctx, int status, Item item, String comment, FieldErrors errors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("item", item);
        model.put("comment", comment == null ? "" : comment);
        model.put("errors", errors.messages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/review-change", model);
    }

    private void message(Context ctx, int status, String message, String backUrl) {
        ctx.status(status);
        views.html(ctx, "admin/message", Map.of(
                "title", Messages.get(RequestLang.resolve(ctx), "review.refused.title"),
                "message", message, "backUrl", backUrl));
    }

    private static List<Item> items(List<ReviewService.Shown> shown, AdminSession session) {
        return shown.stream().map(s -> item(s, session)).toList();
    }

    private static Item item(ReviewService.Shown s, AdminSession session) {
        PendingChange p = s.change();
        boolean decidable = p.pending() && session.role().canPublish() && !p.proposedBy().equals(session.username());
        return new Item(s, SHOWN.format(Instant.ofEpochMilli(p.proposedMs())),
                p.reviewedMs() == null ? "" : SHOWN.format(Instant.ofEpochMilli(p.reviewedMs())), decidable);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("review_not_found");
        }
    }
}
