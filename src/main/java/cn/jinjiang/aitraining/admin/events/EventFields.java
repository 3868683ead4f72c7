package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import java.util.List;

/** An event's editable fields as the conflict page compares them, declared once. */
public final class EventFields {
    private EventFields() {}

    public static final List<EditableField<EventState, EventForm>> ALL = List.of(
            new EditableField<>("title_zh", EventState::titleZh, EventForm::titleZh),
            new EditableField<>("title_en", EventState::titleEn, EventForm::titleEn),
            new EditableField<>("date", e -> e.date() == null ? "" : e.date().toString(), EventForm::date),
            new EditableField<>("kind", EventState::kind, EventForm::kind),
            new EditableField<>("place_zh", EventState::placeZh, EventForm::placeZh),
            new EditableField<>("people_zh", EventState::peopleZh, EventForm::peopleZh),
            new EditableField<>("source", EventState::source, EventForm::source),
            new EditableField<>("source_date", e -> String.valueOf(e.sourceDate()), EventForm::sourceDate),
            new EditableField<>("quote", EventState::quote, EventForm::quote));
}
