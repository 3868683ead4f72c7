package cn.jinjiang.aitraining.changes;

import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One published change as /changes, its feed, its JSON and the figure page show it: when, what
 * kind, about what, the value it put and the value it replaced, and the note written for readers.
 * Built only from the audit entry's public parts (never its reason or user name).
 *
 * @param path the entity's public page, null when it has none (an event) or no longer has one (archived)
 */
public record PublicChange(long id, Instant occurredAt, String entityType, String entityKey,
                           PublicRecord.Subject subject, String publicNote, String path) {

    public ChangeKind kind() { return subject.kind(); }

    public String label(Lang lang) { return pick(lang, subject.labelZh(), subject.labelEn()); }

    public String value(Lang lang) { return pick(lang, subject.valueZh(), subject.valueEn()); }

    /** The value a correction replaced; null when there is none to show. */
    public String replaced(Lang lang) { return pick(lang, subject.replacedZh(), subject.replacedEn()); }

    public boolean hasNote() { return publicNote != null && !publicNote.isBlank(); }

    /** The day of the change in China (the programme's time zone). */
    public LocalDate date() { return occurredAt.atZone(ChangeLog.ZONE).toLocalDate(); }

    public String dateText(Lang lang) { return DateFormat.format(lang, date()); }

    /** Stable across restarts and addresses: the audit entry's id. */
    public String anchor() { return "change-" + id; }

    private static String pick(Lang lang, String zh, String en) {
        return lang.isZh() || en == null || en.isBlank() ? zh : en;
    }
}
