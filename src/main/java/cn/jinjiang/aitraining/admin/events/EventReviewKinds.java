package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.review.gate.ReviewRefused;
import cn.jinjiang.aitraining.review.gate.ReviewableKind;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import cn.jinjiang.aitraining.review.gate.SubmittedForm;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The event forms' changes as they wait for review (issue 13): a new event, an edit, archiving.
 * Approving one runs the form's validation and the same service call as a direct save
 * ({@link EventEditController}), with the proposer as author.
 */
public final class EventReviewKinds {
    public static final String EDIT = "event.edit";
    public static final String NEW = "event.new";
    public static final String ARCHIVE = "event.archive";

    private EventReviewKinds() {}

    public static List<ReviewableKind> all(AdminEventService events) {
        return List.of(new Edit(events), new New(events), new Archive(events));
    }

    private abstract static class OfEvent implements ReviewableKind {
        final AdminEventService events;

        OfEvent(AdminEventService events) { this.events = events; }

        @Override public String targetType() { return "event"; }

        @Override public String targetLabel(String key, SubmittedForm form, Lang lang) {
            return events.state(key).map(e -> lang.isZh() ? e.titleZh() : e.titleEn()).orElse(key);
        }

        @Override public Optional<Integer> versionNow(String key) {
            return events.state(key).map(EventState::version);
        }

        EventState event(String key) {
            return events.state(key).orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/events/{key}. */
    private static final class Edit extends OfEvent {
        Edit(AdminEventService events) { super(events); }

        @Override public String kind() { return EDIT; }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            return EditableField.shownChanges(lang, EditableField.compare(EventFields.ALL, events.state(key).orElse(null),
                    EventForm.read(form::param)));
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            EventState event = event(key);
            EventChange change = EventForm.read(form::param).validate(false, today, new FieldErrors())
                    .orElseThrow(() -> new ReviewRefused("review.refused.invalid"));
            events.edit(event.key(), change, proposer).orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }

    /** POST /admin/events/new. */
    private static final class New extends OfEvent {
        New(AdminEventService events) { super(events); }

        @Override public String kind() { return NEW; }

        @Override public String targetLabel(String key, SubmittedForm form, Lang lang) {
            return lang.isZh() ? form.param("title_zh") : form.param("title_en");
        }

        @Override public Optional<Integer> versionNow(String key) { return Optional.empty(); }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            return EditableField.shownChanges(lang, EditableField.compare(EventFields.ALL, null, EventForm.read(form::param)));
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            EventChange change = EventForm.read(form::param).validate(true, today, new FieldErrors())
                    .orElseThrow(() -> new ReviewRefused("review.refused.invalid"));
            events.create(change, proposer);
        }
    }

    /** POST /admin/events/{key}/archive. */
    private static final class Archive extends OfEvent {
        Archive(AdminEventService events) { super(events); }

        @Override public String kind() { return ARCHIVE; }

        @Override public List<ShownDifference> differences(String key, SubmittedForm form, Lang lang) {
            boolean now = events.state(key).map(EventState::archived).orElse(false);
            return List.of(ShownDifference.of(lang, "admin.field.archived",
                    Messages.get(lang, now ? "admin.yes" : "admin.no"), Messages.get(lang, "admin.yes")));
        }

        @Override public void apply(String key, SubmittedForm form, String proposer, LocalDate today) {
            FieldErrors errors = new FieldErrors();
            String reason = errors.text("reason", form.param("reason"), true, 500);
            Integer version = errors.version("version", form.param("version"));
            if (!errors.isEmpty()) throw new ReviewRefused("review.refused.invalid");
            events.archive(event(key).key(), version, reason, proposer)
                    .orElseThrow(() -> new ReviewRefused("review.refused.target_gone"));
        }
    }
}
