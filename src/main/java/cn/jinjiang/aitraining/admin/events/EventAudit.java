package cn.jinjiang.aitraining.admin.events;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditedField;
import cn.jinjiang.aitraining.audit.AuditedType;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/** How the audit log shows an event's changes, derived from {@link EventFields}, values as the pages show them. */
public final class EventAudit {
    private EventAudit() {}

    public static final AuditedType<EventState> TYPE =
            AuditedType.of(AuditEntry.EVENT, EventState.class, EventAudit::label, fields());

    private static String label(EventState e, Lang lang) {
        return lang.isZh() || e.titleEn() == null || e.titleEn().isBlank() ? e.titleZh() : e.titleEn();
    }

    private static List<AuditedField<EventState>> fields() {
        List<AuditedField<EventState>> out = new ArrayList<>();
        for (EditableField<EventState, EventForm> f : EventFields.ALL) {
            out.add(switch (f.name()) {
                case "date" -> AuditedField.of(f, (e, lang) -> e.date() == null ? "" : DateFormat.format(lang, e.date()));
                case "kind" -> AuditedField.of(f, (e, lang) -> e.kind() == null ? "" : Messages.get(lang, "event.kind." + e.kind()));
                default -> AuditedField.of(f);
            });
        }
        // Not on the edit form, but archiving is a change the log must show.
        out.add(new AuditedField<>("admin.field.archived",
                (e, lang) -> Messages.get(lang, e.archived() ? "admin.yes" : "admin.no")));
        return out;
    }
}
