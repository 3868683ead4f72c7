package cn.jinjiang.aitraining.admin.events;

import java.time.LocalDate;

/** A validated new or edited event. */
public record EventChange(
        String key, LocalDate date, String dateNoteZh, String dateNoteEn, String titleZh, String titleEn, String kind,
        String placeZh, String placeEn, String peopleZh, String peopleEn, String source, LocalDate sourceDate,
        String sourceHeadline, String quote, String reason, int version) {}
