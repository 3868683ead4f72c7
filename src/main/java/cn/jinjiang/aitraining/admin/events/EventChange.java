package cn.jinjiang.aitraining.admin.events;

import java.time.LocalDate;

/**
 * A validated new or edited event. {@code key} may be null for a new event: the service derives
 * one. {@code sourceHeadline} and {@code sourceAuthor} may be null (not stated). {@code reason} is for
 * staff only; {@code publicNote} (null: none) is published with the change at /changes.
 */
public record EventChange(
        String key, LocalDate date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn, String kind,
        String placeZh, String placeEn, String peopleZh, String peopleEn, String source, LocalDate sourceDate,
        String sourceHeadline, String sourceAuthor, String quote, String reason, int version, String publicNote) {

    /** A change without a note for readers. */
    public EventChange(
            String key, LocalDate date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn, String kind,
            String placeZh, String placeEn, String peopleZh, String peopleEn, String source, LocalDate sourceDate,
            String sourceHeadline, String sourceAuthor, String quote, String reason, int version) {
        this(key, date, dateNoteZh, dateNoteEn, titleZh, titleEn, kind, placeZh, placeEn, peopleZh, peopleEn, source,
                sourceDate, sourceHeadline, sourceAuthor, quote, reason, version, null);
    }

    /** The same change for an event with this key. */
    public EventChange withKey(String newKey) {
        return new EventChange(newKey, date, dateNoteZh, dateNoteEn, titleZh, titleEn, kind, placeZh, placeEn, peopleZh,
                peopleEn, source, sourceDate, sourceHeadline, sourceAuthor, quote, reason, version, publicNote);
    }

    /** The same change with this note for readers (null: none). */
    public EventChange withPublicNote(String note) {
        return new EventChange(key, date, dateNoteZh, dateNoteEn, titleZh, titleEn, kind, placeZh, placeEn, peopleZh,
                peopleEn, source, sourceDate, sourceHeadline, sourceAuthor, quote, reason, version, note);
    }
}
