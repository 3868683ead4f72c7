package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.admin.events.AdminEventService;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** GET /admin: the list of figures and events. The forms have their own controllers in admin/figures and admin/events. */
public final class AdminController {
    private final AdminFigureService figures;
    private final AdminEventService events;
    private final Views views;

    public AdminController(AdminFigureService figures, AdminEventService events, Views views) {
        this.figures = figures;
        this.events = events;
        this.views = views;
    }

    /** A figure as a row of the admin list. */
    public record FigureRow(String key, String label, String display, String asOf, boolean archived) {}

    public record EventRow(String key, String title, String date, boolean archived) {}

    // GET /admin
    public void index(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        List<FigureRow> figureRows = figures.all().stream().map(f -> new FigureRow(f.key(),
                lang.isZh() ? f.labelZh() : f.labelEn(), f.display(lang),
                f.latest() == null ? "" : DateFormat.format(lang, f.latest().asOf()), f.archived())).toList();
        List<EventRow> eventRows = events.all().stream().map(e -> new EventRow(e.key(),
                lang.isZh() ? e.titleZh() : e.titleEn(),
                e.date() == null ? Messages.get(lang, "event.undated") : DateFormat.format(lang, e.date()),
                e.archived())).toList();
        views.html(ctx, "admin/index", Map.of("figureRows", figureRows, "eventRows", eventRows));
    }
}
