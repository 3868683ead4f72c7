package cn.jinjiang.aitraining.admin.events;

import java.time.LocalDate;

/**
 * A validated new or edited event. {@code reason} is for staff only; {@code publicNote} (null: none)
 * is published with the change at /changes.
 */
public record EventChange(
        String key, LocalDate date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn, String kind,
        String placeZh, String placeEn, String peopleZh, String peopleEn, String source, LocalDate sourceDate,
        String sourceHeadline, String quote, String reason, int version, String publicNote) {

    /** The same change with this note for readers (null: none). */
    public EventChange withPublicNote(String note) {
        return new EventChange(key, date, dateNoteZh, dateNoteEn, titleZh, titleEn, kind, placeZh, placeEn, peopleZh,
                peopleEn, source, sourceDate, sourceHeadline, quote, reason, version, note);
    }
}
