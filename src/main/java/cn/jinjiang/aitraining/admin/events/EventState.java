package cn.jinjiang.aitraining.admin.events;

import java.time.LocalDate;

/** The whole state of an event, as stored in the audit log before and after each change. */
public record EventState(
        String key, LocalDate date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn,
        String kind, String placeZh, String placeEn, String peopleZh, String peopleEn, long sourceId,
        String source, LocalDate sourceDate, String sourceHeadline, String sourceAuthor, String quote, int sortOrder,
        boolean archived, int version) {

    public EventState withArchived(boolean archived) {
        return new EventState(key, date, dateNoteZh, dateNoteEn, titleZh, titleEn, kind, placeZh, placeEn, peopleZh,
                peopleEn, sourceId, source, sourceDate, sourceHeadline, sourceAuthor, quote, sortOrder, archived, version);
    }
}
