package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.web.ErrorPages;
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

/** The admin pages for figures and events: list, forms, archive. Parses, calls a service, renders or redirects. */
public final class AdminController {
    /** Reports are dated in China; "tomorrow" is counted there. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int UNPROCESSABLE = 422;

    private final AdminFigureService figures;
    private final AdminEventService events;
    private final Views views;
    private final ErrorPages errors;
    private final Clock clock;

    public AdminController(AdminFigureService figures, AdminEventService events, Views views, ErrorPages errors, Clock clock) {
        this.figures = figures;
        this.events = events;
        this.views = views;
        this.errors = errors;
        this.clock = clock;
    }

    /** A figure as a row of the admin list. */
    public record FigureRow(String key, String label, String display, String asOf, boolean archived) {}

    public record EventRow(String key, String title, String date, boolean archived) {}

    /** One line of the conflict page: the field, what is saved now, what the admin sent. */
    public record ConflictRow(String labelKey, String theirs, String yours) {}

    // GET /admin
    public void index(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        List<FigureRow> figureRows = figures.all().stream().map(f -> new FigureRow(f.key(),
                lang.isZh() ? f.labelZh() : f.labelEn(), display(lang, f), f.latest() == null ? "" : DateFormat.format(lang, f.latest().asOf()),
                f.archived())).toList();
        List<EventRow> eventRows = events.all().stream().map(e -> new EventRow(e.key(),
                lang.isZh() ? e.titleZh() : e.titleEn(),
                e.date() == null ? Messages.get(lang, "event.undated") : DateFormat.format(lang, e.date()),
                e.archived())).toList();
        views.html(ctx, "admin/index", Map.of("figureRows", figureRows, "eventRows", eventRows));
    }

    // GET /admin/figures/new (?prefill=1&value=... from the extract page only fills the form in)
    public void newFigure(Context ctx) {
        Optional<FigurePrefill> prefill = FigurePrefill.from(ctx::queryParam);
        FigureForm form = prefill.map(p -> p.applyTo(FigureForm.blank())).orElse(FigureForm.blank());
        renderFigure(ctx, 200, null, form, new FieldErrors(), prefill.isPresent());
    }

    // POST /admin/figures/new
    public void createFigure(Context ctx) {
        FigureForm form = figureForm(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(true, today(), fieldErrors);
        if (change.isEmpty()) {
            renderFigure(ctx, UNPROCESSABLE, null, form, fieldErrors);
            return;
        }
        try {
            FigureState created = figures.create(change.get(), AdminGuard.username(ctx));
            done(ctx, "admin.flash.figure_created", created.labelZh());
        } catch (DuplicateKey taken) {
            fieldErrors.add("key", "validation.key_taken");
            renderFigure(ctx, UNPROCESSABLE, null, form, fieldErrors);
        }
    }

    // GET /admin/figures/{key} (?prefill=1&value=... from the extract page only fills the form in)
    public void editFigure(Context ctx) {
        Optional<FigureState> figure = figures.state(ctx.pathParam("key"));
        if (figure.isEmpty()) {
            errors.show(ctx, 404, "figure_not_found");
            return;
        }
        Optional<FigurePrefill> prefill = FigurePrefill.from(ctx::queryParam);
        FigureForm form = FigureForm.of(figure.get());
        renderFigure(ctx, 200, figure.get(), prefill.map(p -> p.applyTo(form)).orElse(form), new FieldErrors(),
                prefill.isPresent());
    }

    // POST /admin/figures/{key}
    public void saveFigure(Context ctx) {
        Optional<FigureState> figure = figures.state(ctx.pathParam("key"));
        if (figure.isEmpty()) {
            errors.show(ctx, 404, "figure_not_found");
            return;
        }
        FigureForm form = figureForm(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<FigureChange> change = form.validate(false, today(), fieldErrors);
        if (change.isEmpty()) {
            renderFigure(ctx, UNPROCESSABLE, figure.get(), form, fieldErrors);
            return;
        }
        try {
            Optional<FigureState> saved = figures.edit(figure.get().key(), change.get(), AdminGuard.username(ctx));
            if (saved.isEmpty()) {
                errors.show(ctx, 404, "figure_not_found");
                return;
            }
            done(ctx, "admin.flash.figure_saved", saved.get().labelZh());
        } catch (EditConflict conflict) {
            renderFigureConflict(ctx, (FigureState) conflict.current(), form);
        }
    }

    // GET /admin/figures/{key}/archive
    public void archiveFigureForm(Context ctx) {
        Optional<FigureState> figure = figures.state(ctx.pathParam("key"));
        if (figure.isEmpty()) {
            errors.show(ctx, 404, "figure_not_found");
            return;
        }
        renderArchive(ctx, 200, "figure", figure.get().key(), figure.get().labelZh(), String.valueOf(figure.get().version()),
                "", new FieldErrors());
    }

    // POST /admin/figures/{key}/archive
    public void archiveFigure(Context ctx) {
        Optional<FigureState> figure = figures.state(ctx.pathParam("key"));
        if (figure.isEmpty()) {
            errors.show(ctx, 404, "figure_not_found");
            return;
        }
        FieldErrors fieldErrors = new FieldErrors();
        String reason = fieldErrors.text("reason", ctx.formParam("reason"), true, 500);
        Integer version = fieldErrors.version("version", ctx.formParam("version"));
        if (!fieldErrors.isEmpty()) {
            renderArchive(ctx, UNPROCESSABLE, "figure", figure.get().key(), figure.get().labelZh(),
                    ctx.formParam("version"), ctx.formParam("reason"), fieldErrors);
            return;
        }
        try {
            figures.archive(figure.get().key(), version, reason, AdminGuard.username(ctx));
            done(ctx, "admin.flash.archived", figure.get().labelZh());
        } catch (EditConflict conflict) {
            FigureState theirs = (FigureState) conflict.current();
            renderConflict(ctx, "/admin/figures/" + theirs.key(), List.of(
                    new ConflictRow("admin.field.archived", yesNo(ctx, theirs.archived()), yesNo(ctx, true))));
        }
    }

    // GET /admin/events/new
    public void newEvent(Context ctx) {
        renderEvent(ctx, 200, null, EventForm.blank(), new FieldErrors());
    }

    // POST /admin/events/new
    public void createEvent(Context ctx) {
        EventForm form = eventForm(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<EventChange> change = form.validate(true, today(), fieldErrors);
        if (change.isEmpty()) {
            renderEvent(ctx, UNPROCESSABLE, null, form, fieldErrors);
            return;
        }
        try {
            EventState created = events.create(change.get(), AdminGuard.username(ctx));
            done(ctx, "admin.flash.event_created", created.titleZh());
        } catch (DuplicateKey taken) {
            fieldErrors.add("key", "validation.key_taken");
            renderEvent(ctx, UNPROCESSABLE, null, form, fieldErrors);
        }
    }

    // GET /admin/events/{key}
    public void editEvent(Context ctx) {
        Optional<EventState> event = events.state(ctx.pathParam("key"));
        if (event.isEmpty()) {
            errors.show(ctx, 404, "event_not_found");
            return;
        }
        renderEvent(ctx, 200, event.get(), EventForm.of(event.get()), new FieldErrors());
    }

    // POST /admin/events/{key}
    public void saveEvent(Context ctx) {
        Optional<EventState> event = events.state(ctx.pathParam("key"));
        if (event.isEmpty()) {
            errors.show(ctx, 404, "event_not_found");
            return;
        }
        EventForm form = eventForm(ctx);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<EventChange> change = form.validate(false, today(), fieldErrors);
        if (change.isEmpty()) {
            renderEvent(ctx, UNPROCESSABLE, event.get(), form, fieldErrors);
            return;
        }
        try {
            events.edit(event.get().key(), change.get(), AdminGuard.username(ctx));
            done(ctx, "admin.flash.event_saved", change.get().titleZh());
        } catch (EditConflict conflict) {
            EventState theirs = (EventState) conflict.current();
            renderConflict(ctx, "/admin/events/" + theirs.key(), List.of(
                    new ConflictRow("admin.field.title_zh", theirs.titleZh(), form.titleZh()),
                    new ConflictRow("admin.field.title_en", theirs.titleEn(), form.titleEn()),
                    new ConflictRow("admin.field.date", theirs.date() == null ? "" : theirs.date().toString(), form.date()),
                    new ConflictRow("admin.field.kind", theirs.kind(), form.kind()),
                    new ConflictRow("admin.field.place_zh", theirs.placeZh(), form.placeZh()),
                    new ConflictRow("admin.field.people_zh", theirs.peopleZh(), form.peopleZh()),
                    new ConflictRow("admin.field.source", theirs.source(), form.source()),
                    new ConflictRow("admin.field.source_date", String.valueOf(theirs.sourceDate()), form.sourceDate()),
                    new ConflictRow("admin.field.quote", theirs.quote(), form.quote()),
                    new ConflictRow("admin.field.archived", yesNo(ctx, theirs.archived()), yesNo(ctx, false))));
        }
    }

    // GET /admin/events/{key}/archive
    public void archiveEventForm(Context ctx) {
        Optional<EventState> event = events.state(ctx.pathParam("key"));
        if (event.isEmpty()) {
            errors.show(ctx, 404, "event_not_found");
            return;
        }
        renderArchive(ctx, 200, "event", event.get().key(), event.get().titleZh(), String.valueOf(event.get().version()),
                "", new FieldErrors());
    }

    // POST /admin/events/{key}/archive
    public void archiveEvent(Context ctx) {
        Optional<EventState> event = events.state(ctx.pathParam("key"));
        if (event.isEmpty()) {
            errors.show(ctx, 404, "event_not_found");
            return;
        }
        FieldErrors fieldErrors = new FieldErrors();
        String reason = fieldErrors.text("reason", ctx.formParam("reason"), true, 500);
        Integer version = fieldErrors.version("version", ctx.formParam("version"));
        if (!fieldErrors.isEmpty()) {
            renderArchive(ctx, UNPROCESSABLE, "event", event.get().key(), event.get().titleZh(),
                    ctx.formParam("version"), ctx.formParam("reason"), fieldErrors);
            return;
        }
        try {
            events.archive(event.get().key(), version, reason, AdminGuard.username(ctx));
            done(ctx, "admin.flash.archived", event.get().titleZh());
        } catch (EditConflict conflict) {
            EventState theirs = (EventState) conflict.current();
            renderConflict(ctx, "/admin/events/" + theirs.key(), List.of(
                    new ConflictRow("admin.field.archived", yesNo(ctx, theirs.archived()), yesNo(ctx, true))));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static void done(Context ctx, String flashKey, Object... args) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) session.flash(flashKey, false, args);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private static FigureForm figureForm(Context ctx) {
        return new FigureForm(ctx.formParam("mode"), ctx.formParam("key"), ctx.formParam("category"),
                ctx.formParam("label_zh"), ctx.formParam("label_en"), ctx.formParam("value"), ctx.formParam("unit"),
                ctx.formParam("qualifier"), ctx.formParam("qualifier_word"), ctx.formParam("period"),
                ctx.formParam("period_en"), ctx.formParam("as_of"), ctx.formParam("source"), ctx.formParam("source_date"),
                ctx.formParam("source_headline"), ctx.formParam("quote"), ctx.formParam("reason"), ctx.formParam("version"));
    }

    private static EventForm eventForm(Context ctx) {
        return new EventForm(ctx.formParam("key"), ctx.formParam("date"), ctx.formParam("date_note_zh"),
                ctx.formParam("date_note_en"), ctx.formParam("title_zh"), ctx.formParam("title_en"), ctx.formParam("kind"),
                ctx.formParam("place_zh"), ctx.formParam("place_en"), ctx.formParam("people_zh"), ctx.formParam("people_en"),
                ctx.formParam("source"), ctx.formParam("source_date"), ctx.formParam("source_headline"),
                ctx.formParam("quote"), ctx.formParam("reason"), ctx.formParam("version"));
    }

    private void renderFigure(Context ctx, int status, FigureState figure, FigureForm form, FieldErrors fieldErrors) {
        renderFigure(ctx, status, figure, form, fieldErrors, false);
    }

    private void renderFigure(Context ctx, int status, FigureState figure, FigureForm form, FieldErrors fieldErrors,
                              boolean prefilled) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", figure == null);
        model.put("figureKey", figure == null ? null : figure.key());
        model.put("current", figure == null ? null : display(lang, figure));
        model.put("archived", figure != null && figure.archived());
        model.put("form", form);
        model.put("errors", fieldErrors.messages(lang));
        model.put("qualifiers", List.of(Qualifier.values()).stream().map(Qualifier::code).toList());
        model.put("categories", FigureForm.CATEGORIES);
        model.put("prefilled", prefilled);
        ctx.status(status);
        views.html(ctx, "admin/figure-form", model);
    }

    private void renderEvent(Context ctx, int status, EventState event, EventForm form, FieldErrors fieldErrors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", event == null);
        model.put("eventKey", event == null ? null : event.key());
        model.put("archived", event != null && event.archived());
        model.put("form", form);
        model.put("errors", fieldErrors.messages(RequestLang.resolve(ctx)));
        model.put("kinds", EventForm.KINDS);
        ctx.status(status);
        views.html(ctx, "admin/event-form", model);
    }

    private void renderArchive(Context ctx, int status, String type, String key, String label, String version,
                               String reason, FieldErrors fieldErrors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entityType", type);
        model.put("key", key);
        model.put("label", label);
        model.put("version", version == null ? "" : version);
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", fieldErrors.messages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/archive", model);
    }

    private void renderFigureConflict(Context ctx, FigureState theirs, FigureForm yours) {
        FigureState.ObservationState o = theirs.latest();
        renderConflict(ctx, "/admin/figures/" + theirs.key(), List.of(
                new ConflictRow("admin.field.label_zh", theirs.labelZh(), yours.labelZh()),
                new ConflictRow("admin.field.label_en", theirs.labelEn(), yours.labelEn()),
                new ConflictRow("admin.field.value", QuantityFormat.plain(o.value()), yours.value()),
                new ConflictRow("admin.field.unit", o.unit(), yours.unit()),
                new ConflictRow("admin.field.qualifier", o.qualifier(), yours.qualifier()),
                new ConflictRow("admin.field.period", o.periodZh(), yours.period()),
                new ConflictRow("admin.field.as_of", o.asOf().toString(), yours.asOf()),
                new ConflictRow("admin.field.source", o.source(), yours.source()),
                new ConflictRow("admin.field.source_date", o.sourceDate().toString(), yours.sourceDate()),
                new ConflictRow("admin.field.quote", o.quote(), yours.quote()),
                new ConflictRow("admin.field.archived", yesNo(ctx, theirs.archived()), yesNo(ctx, theirs.archived()))));
    }

    private void renderConflict(Context ctx, String editUrl, List<ConflictRow> rows) {
        List<ConflictRow> all = new ArrayList<>(rows);
        ctx.status(409);
        views.html(ctx, "admin/conflict", Map.of("rows", all, "editUrl", editUrl));
    }

    private static String yesNo(Context ctx, boolean value) {
        return Messages.get(RequestLang.resolve(ctx), value ? "admin.yes" : "admin.no");
    }

    static String display(Lang lang, FigureState f) {
        FigureState.ObservationState o = f.latest();
        if (o == null) return "";
        return QuantityFormat.display(lang, new Quantity(o.value(), o.unit(), Qualifier.fromCode(o.qualifier()),
                o.qualifierWord()), f.unitEn());
    }
}
