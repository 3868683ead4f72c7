package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.admin.events.AdminEventService;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.paging.Page;
import cn.jinjiang.aitraining.review.ReviewService;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** GET /admin: the lists of figures and events, a page of each. The forms have their own controllers in admin/figures and admin/events. */
public final class AdminController {
    /** Rows per page of each list, as on the dashboard. */
    public static final int PAGE_SIZE = 50;

    private final AdminFigureService figures;
    private final AdminEventService events;
    private final Views views;
    private final ReviewService review;

    public AdminController(AdminFigureService figures, AdminEventService events, Views views, ReviewService review) {
        this.figures = figures;
        this.events = events;
        this.views = views;
        this.review = review;
    }

    /** A figure as a row of the admin list. */
    public record FigureRow(String key, String label, String display, String asOf, boolean archived) {}

    public record EventRow(String key, String title, String date, boolean archived) {}

    // GET /admin?fp=N&ep=M: a page of each list, so the page stays small with thousands of figures.
    public void index(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        Page<FigureState> figurePage = figures.page(Page.requested(ctx.queryParam("fp")), PAGE_SIZE);
        Page<FigureRow> figureRows = new Page<>(figurePage.items().stream().map(f -> new FigureRow(f.key(),
                lang.isZh() ? f.labelZh() : f.labelEn(), f.display(lang),
                f.latest() == null ? "" : DateFormat.format(lang, f.latest().asOf()), f.archived())).toList(),
                figurePage.number(), figurePage.size(), figurePage.total());
        Page<EventRow> eventRows = page(events.all(), Page.requested(ctx.queryParam("ep")), e -> new EventRow(e.key(),
                lang.isZh() ? e.titleZh() : e.titleEn(),
                e.date() == null ? Messages.get(lang, "event.undated") : DateFormat.format(lang, e.date()),
                e.archived()));
        views.html(ctx, "admin/index", Map.of("figureRows", figureRows, "eventRows", eventRows,
                "waitingReview", review.waitingCount()));
    }

    /** One page of {@code all}, only its rows made ready to show; a page past the end shows the last. */
    private static <T, R> Page<R> page(List<T> all, int number, Function<T, R> row) {
        Page.Request request = Page.Request.of(number, PAGE_SIZE, all.size());
        int from = Math.min(request.offset(), all.size());
        List<R> rows = all.subList(from, Math.min(from + request.size(), all.size())).stream().map(row).toList();
        return new Page<>(rows, request.number(), request.size(), all.size());
    }
}
