package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.figures.FigureFields;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FormField;
import java.util.List;

/**
 * An event's editable fields, declared once: {@link #FORM} is what the event form shows, reads and
 * checks, in page order; {@link #ALL} is how the conflict page compares saved and sent values.
 */
public final class EventFields {
    private EventFields() {}

    public static final List<String> KINDS =
            List.of("lecture", "class", "debate", "study-trip", "signing", "report", "deployment", "course");

    /** The form's fields besides the version. */
    public static final List<FormField> FORM = List.of(
            FormField.text("key", false, 80, "admin.hint.event_key_optional").onlyWhenNew(),
            FormField.text("title_zh", true, 200, null),
            FormField.text("title_en", true, 250, null),
            FormField.date("date", false, "admin.hint.event_date"),
            FormField.text("date_note_zh", false, 60, "admin.hint.optional"),
            FormField.text("date_note_en", false, 80, "admin.hint.optional"),
            FormField.select("kind", KINDS, "event.kind."),
            FormField.text("place_zh", false, 100, "admin.hint.optional"),
            FormField.text("place_en", false, 150, "admin.hint.optional"),
            FormField.text("people_zh", false, 200, "admin.hint.optional"),
            FormField.text("people_en", false, 250, "admin.hint.optional"),
            FormField.text("source", true, 100, "admin.hint.source"),
            FormField.date("source_date", true, "admin.hint.date"),
            FormField.text("source_headline", false, 200, "admin.hint.optional"),
            FormField.text("source_author", false, 100, "admin.hint.optional"),
            FormField.area("quote", true, 80, "admin.hint.quote"),
            FormField.area("reason", true, 500, "admin.hint.reason"),
            // published with the change, unlike the reason
            FormField.text(FigureFields.PUBLIC_NOTE, false, FigureFields.PUBLIC_NOTE_MAX, "admin.hint.public_note"));

    public static final List<EditableField<EventState, EventForm>> ALL = List.of(
            new EditableField<>("title_zh", EventState::titleZh, EventForm::titleZh),
            new EditableField<>("title_en", EventState::titleEn, EventForm::titleEn),
            new EditableField<>("date", e -> e.date() == null ? "" : e.date().toString(), EventForm::date),
            new EditableField<>("kind", EventState::kind, EventForm::kind),
            new EditableField<>("date_note_zh", EventState::dateNoteZh, f -> f.get("date_note_zh")),
            new EditableField<>("date_note_en", EventState::dateNoteEn, f -> f.get("date_note_en")),
            new EditableField<>("place_zh", EventState::placeZh, EventForm::placeZh),
            new EditableField<>("place_en", EventState::placeEn, f -> f.get("place_en")),
            new EditableField<>("people_zh", EventState::peopleZh, EventForm::peopleZh),
            new EditableField<>("people_en", EventState::peopleEn, f -> f.get("people_en")),
            new EditableField<>("source", EventState::source, EventForm::source),
            new EditableField<>("source_date", e -> String.valueOf(e.sourceDate()), EventForm::sourceDate),
            new EditableField<>("source_headline", EventState::sourceHeadline, f -> f.get("source_headline")),
            new EditableField<>("source_author", EventState::sourceAuthor, f -> f.get("source_author")),
            new EditableField<>("quote", EventState::quote, EventForm::quote));
}
