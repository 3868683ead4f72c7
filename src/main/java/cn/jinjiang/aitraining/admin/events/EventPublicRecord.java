package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.changes.ChangeKind;
import cn.jinjiang.aitraining.changes.PublicRecord;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * How an event's changes are told at /changes: its title, and its date as the value (a correction
 * shows the date it replaced when the date changed). Events have no page of their own, so they are
 * listed unlinked.
 */
public final class EventPublicRecord implements PublicRecord {
    private final AuditWriter audit;

    public EventPublicRecord(AuditWriter audit) {
        this.audit = audit;
    }

    @Override
    public String entityType() { return AuditEntry.EVENT; }

    @Override
    public Subject describe(String beforeJson, String afterJson) {
        EventState after = audit.read(afterJson, EventState.class);
        EventState before = audit.read(beforeJson, EventState.class);
        ChangeKind kind = before == null ? ChangeKind.NEW
                : !before.archived() && after.archived() ? ChangeKind.ARCHIVED
                : before.archived() && !after.archived() ? ChangeKind.RESTORED
                : ChangeKind.CORRECTION;
        boolean dateChanged = kind == ChangeKind.CORRECTION && !Objects.equals(before.date(), after.date());
        // an entry written before a field existed may lack the titles: fall back to the earlier state, then the key
        String titleZh = firstOf(after.titleZh(), before == null ? null : before.titleZh(), after.key());
        String titleEn = firstOf(after.titleEn(), before == null ? null : before.titleEn(), titleZh);
        return new Subject(kind, titleZh, titleEn, date(Lang.ZH, after), date(Lang.EN, after),
                dateChanged ? date(Lang.ZH, before) : null, dateChanged ? date(Lang.EN, before) : null, null);
    }

    @Override
    public Set<String> published(Collection<String> keys) { return Set.of(); }

    @Override
    public String path(String key) { return null; }

    private static String firstOf(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c;
        return "";
    }

    private static String date(Lang lang, EventState e) {
        return e.date() == null ? Messages.get(lang, "event.undated") : DateFormat.format(lang, e.date());
    }
}
