package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the event form posts, as typed, by field name (the fields of {@link EventFields#FORM}, the
 * version and the values the form was read with); {@link #validate} checks every field and builds
 * the change.
 */
public record EventForm(Map<String, String> values) {

    public static final List<String> KINDS = EventFields.KINDS;
    /** The hidden field carrying the values the form showed when it was read (for the conflict page). */
    public static final String ORIGINAL = "orig";

    public EventForm {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static EventForm read(Function<String, String> param) {
        return new EventForm(FormInput.read(EventFields.FORM, param, "version", ORIGINAL));
    }

    /** The typed value of a field, "" when it was not sent. */
    public String get(String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    public String key() { return values.get("key"); }
    public String date() { return values.get("date"); }
    public String titleZh() { return values.get("title_zh"); }
    public String titleEn() { return values.get("title_en"); }
    public String kind() { return values.get("kind"); }
    public String placeZh() { return values.get("place_zh"); }
    public String peopleZh() { return values.get("people_zh"); }
    public String source() { return values.get("source"); }
    public String sourceDate() { return values.get("source_date"); }
    public String quote() { return values.get("quote"); }
    public String version() { return values.get("version"); }

    public static EventForm of(EventState e) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("key", e.key());
        v.put("title_zh", e.titleZh());
        v.put("title_en", e.titleEn());
        v.put("date", e.date() == null ? "" : e.date().toString());
        v.put("date_note_zh", nz(e.dateNoteZh()));
        v.put("date_note_en", nz(e.dateNoteEn()));
        v.put("kind", e.kind());
        v.put("place_zh", nz(e.placeZh()));
        v.put("place_en", nz(e.placeEn()));
        v.put("people_zh", nz(e.peopleZh()));
        v.put("people_en", nz(e.peopleEn()));
        v.put("source", e.source());
        v.put("source_date", e.sourceDate().toString());
        v.put("source_headline", nz(e.sourceHeadline()));
        v.put("source_author", nz(e.sourceAuthor()));
        v.put("quote", e.quote());
        v.put("reason", "");
        v.put("public_note", "");
        Map<String, String> shown = new LinkedHashMap<>(v);
        shown.remove("reason");
        shown.remove("public_note");
        v.put(ORIGINAL, FormInput.encode(shown));
        v.put("version", String.valueOf(e.version()));
        return new EventForm(v);
    }

    public static EventForm blank() {
        Map<String, String> v = new LinkedHashMap<>();
        for (FormField f : EventFields.FORM) v.put(f.name(), "");
        v.put("kind", "lecture");
        v.put("version", "0");
        return new EventForm(v);
    }

    /** The values the form was read with, from its hidden field; empty when it carried none. */
    public Map<String, String> shownValues() {
        return FormInput.decode(values.get(ORIGINAL));
    }

    /** Checks every field; a new event's blank key stays null here and the service derives one. */
    public Optional<EventChange> validate(boolean isNew, LocalDate today, FieldErrors errors) {
        Map<String, Object> c = FormInput.check(EventFields.FORM, isNew, values, today, errors);
        String k = (String) c.get("key");
        if (k != null && (!k.matches(FigureForm.KEY_PATTERN) || k.equals("new"))) errors.add("key", "validation.key");
        Integer v = isNew ? Integer.valueOf(0) : errors.version("version", version());
        if (!errors.isEmpty()) return Optional.empty();
        return Optional.of(new EventChange(k, (LocalDate) c.get("date"), s(c, "date_note_zh"), s(c, "date_note_en"),
                s(c, "title_zh"), s(c, "title_en"), s(c, "kind"), s(c, "place_zh"), s(c, "place_en"), s(c, "people_zh"),
                s(c, "people_en"), s(c, "source"), (LocalDate) c.get("source_date"), s(c, "source_headline"),
                s(c, "source_author"), s(c, "quote"), s(c, "reason"), v, s(c, "public_note")));
    }

    private static String s(Map<String, Object> checked, String name) { return (String) checked.get(name); }

    private static String nz(String s) { return s == null ? "" : s; }
}
