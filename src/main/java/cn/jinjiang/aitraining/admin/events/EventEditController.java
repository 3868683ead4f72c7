package cn.jinjiang.aitraining.admin.events;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event forms: new, edit, archive. Parses, calls the service, renders or redirects. */
public final class EventEditController {
    private final AdminEventService events;
    private final AdminPages pages;
    private final Views views;
    private final ReviewGate review;

    public EventEditController(AdminEventService events, AdminPages pages, Views views, ReviewGate review) {
        this.events = events;
        this.pages = pages;
        this.views = views;
        this.review = review;
    }

    // GET /admin/events/new
    public void newEvent(Context ctx) {
        render(ctx, 200, null, EventForm.blank(), new FieldErrors());
    }

    // POST /admin/events/new
    public void createEvent(Context ctx) {
        EventForm form = EventForm.read(ctx::formParam);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<EventChange> change = form.validate(true, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, null, form, fieldErrors);
            return;
        }
        if (AdminPages.heldForReview(ctx, review, EventReviewKinds.NEW, "", null)) return;
        try {
            EventState created = events.create(change.get(), AdminGuard.username(ctx));
            AdminPages.done(ctx, "admin.flash.event_created", created.titleZh());
        } catch (DuplicateKey taken) {
            fieldErrors.add("key", "validation.key_taken");
            render(ctx, UNPROCESSABLE, null, form, fieldErrors);
        }
    }

    // GET /admin/events/{key}
    public void editEvent(Context ctx) {
        EventState event = event(ctx);
        render(ctx, 200, event, EventForm.of(event), new FieldErrors());
    }

    // POST /admin/events/{key}
    public void saveEvent(Context ctx) {
        EventState event = event(ctx);
        EventForm form = EventForm.read(ctx::formParam);
        FieldErrors fieldErrors = new FieldErrors();
        Optional<EventChange> change = form.validate(false, pages.today(), fieldErrors);
        if (change.isEmpty()) {
            render(ctx, UNPROCESSABLE, event, form, fieldErrors);
            return;
        }
        if (AdminPages.heldForReview(ctx, review, EventReviewKinds.EDIT, event.key(), change.get().version())) return;
        try {
            EventState saved = events.edit(event.key(), change.get(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("event_not_found"));
            AdminPages.done(ctx, "admin.flash.event_saved", saved.titleZh());
        } catch (EventConflict conflict) {
            EventState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), EditableField.compare(EventFields.ALL, theirs, form),
                    form.shownValues(), theirs.archived(), events.archivedAt(event.key(), change.get().version()));
        }
    }

    // GET /admin/events/{key}/archive
    public void archiveEventForm(Context ctx) {
        EventState event = event(ctx);
        pages.archiveForm(ctx, 200, "event", event.key(), event.titleZh(), String.valueOf(event.version()), "",
                new FieldErrors());
    }

    // POST /admin/events/{key}/archive
    public void archiveEvent(Context ctx) {
        EventState event = event(ctx);
        AdminPages.ArchiveRequest request = pages.archiveRequest(ctx, "event", event.key(), event.titleZh());
        if (request == null) return;
        if (AdminPages.heldForReview(ctx, review, EventReviewKinds.ARCHIVE, event.key(), request.version())) return;
        try {
            events.archive(event.key(), request.version(), request.reason(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("event_not_found"));
            AdminPages.done(ctx, "admin.flash.archived", event.titleZh());
        } catch (EventConflict conflict) {
            EventState theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), List.of(), Map.of(), theirs.archived(), true);
        }
    }

    /** The event the URL names, or the 404 page. */
    private EventState event(Context ctx) {
        return events.state(ctx.pathParam("key")).orElseThrow(() -> new NotFound("event_not_found"));
    }

    private static String editUrl(EventState e) {
        return "/admin/events/" + e.key();
    }

    private void render(Context ctx, int status, EventState event, EventForm form, FieldErrors fieldErrors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", event == null);
        model.put("eventKey", event == null ? null : event.key());
        model.put("archived", event != null && event.archived());
        model.put("form", form);
        model.put("fields", EventFields.FORM.stream().filter(f -> f.shownWhen(event == null)).toList());
        model.put("errors", fieldErrors.labelledMessages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/event-form", model);
    }
}
