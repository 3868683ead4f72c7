package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the event form posts, as typed; {@link #validate} checks every field and builds the change. */
public record EventForm(
        String key, String date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn, String kind,
        String placeZh, String placeEn, String peopleZh, String peopleEn, String source, String sourceDate,
        String sourceHeadline, String quote, String reason, String version) {

    public static final List<String> KINDS =
            List.of("lecture", "class", "debate", "study-trip", "signing", "report", "deployment", "course");

    public static EventForm of(EventState e) {
        return new EventForm(e.key(), e.date() == null ? "" : e.date().toString(), nz(e.dateNoteZh()), nz(e.dateNoteEn()),
                e.titleZh(), e.titleEn(), e.kind(), nz(e.placeZh()), nz(e.placeEn()), nz(e.peopleZh()), nz(e.peopleEn()),
                e.source(), e.sourceDate().toString(), nz(e.sourceHeadline()), e.quote(), "", String.valueOf(e.version()));
    }

    public static EventForm blank() {
        return new EventForm("", "", "", "", "", "", "lecture", "", "", "", "", "", "", "", "", "", "0");
    }

    public Optional<EventChange> validate(boolean isNew, LocalDate today, FieldErrors errors) {
        String k = null;
        if (isNew) {
            k = errors.text("key", key, true, 80);
            if (k != null && (!k.matches(FigureForm.KEY_PATTERN) || k.equals("new"))) errors.add("key", "validation.key");
        }
        LocalDate d = errors.date("date", date, false, today);
        String nz = errors.text("date_note_zh", dateNoteZh, false, 60);
        String ne = errors.text("date_note_en", dateNoteEn, false, 80);
        String tz = errors.text("title_zh", titleZh, true, 200);
        String te = errors.text("title_en", titleEn, true, 250);
        String kd = kind == null ? null : kind.strip();
        if (!KINDS.contains(kd)) errors.add("kind", "validation.choice");
        String pz = errors.text("place_zh", placeZh, false, 100);
        String pe = errors.text("place_en", placeEn, false, 150);
        String ppz = errors.text("people_zh", peopleZh, false, 200);
        String ppe = errors.text("people_en", peopleEn, false, 250);
        String src = errors.text("source", source, true, 100);
        LocalDate sd = errors.date("source_date", sourceDate, true, today);
        String sh = errors.text("source_headline", sourceHeadline, false, 200);
        String qt = errors.text("quote", quote, true, 80);
        String r = errors.text("reason", reason, true, 500);
        Integer v = isNew ? Integer.valueOf(0) : errors.version("version", version);
        if (!errors.isEmpty()) return Optional.empty();
        return Optional.of(new EventChange(k, d, nz, ne, tz, te, kd, pz, pe, ppz, ppe, src, sd, sh, qt, r, v));
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
