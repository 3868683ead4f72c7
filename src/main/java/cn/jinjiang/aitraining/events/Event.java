package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.i18n.Lang;
import java.time.LocalDate;

/** A dated or undated activity of the story: a lecture, a class, a trip, a signing ... */
public record Event(
        long id,
        String key,
        LocalDate date,
        String dateNoteZh,
        String dateNoteEn,
        String titleZh,
        String titleEn,
        String kind,
        String placeZh,
        String placeEn,
        String peopleZh,
        String peopleEn,
        long sourceId,
        String quote,
        int sortOrder,
        boolean archived,
        int version) {

    public boolean isDated() { return date != null; }
    public String title(Lang lang) { return lang.isZh() ? titleZh : titleEn; }
    public String place(Lang lang) { return lang.isZh() ? placeZh : placeEn; }
    public String people(Lang lang) { return lang.isZh() ? peopleZh : peopleEn; }
    public String dateNote(Lang lang) { return lang.isZh() ? dateNoteZh : dateNoteEn; }
}
