package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditedField;
import cn.jinjiang.aitraining.audit.AuditedType;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * How the audit log shows a figure's changes, derived from {@link FigureFields}: the figure's own
 * fields once, the observation fields for each observation (named by its as-of date), values as
 * the dashboard shows them.
 */
public final class FigureAudit {
    private FigureAudit() {}

    public static final AuditedType<FigureState> TYPE = new AuditedType<>(AuditEntry.FIGURE, FigureState.class,
            FigureAudit::label, figureFields(), FigureAudit::observations, observationFields());

    private static String label(FigureState f, Lang lang) {
        return lang.isZh() || f.labelEn() == null || f.labelEn().isBlank() ? f.labelZh() : f.labelEn();
    }

    private static List<AuditedField<FigureState>> figureFields() {
        List<AuditedField<FigureState>> out = new ArrayList<>();
        for (EditableField<FigureState, FigureForm> f : FigureFields.OF_FIGURE) out.add(AuditedField.of(f));
        // Not on the edit form, but archiving is a change the log must show.
        out.add(new AuditedField<>("admin.field.archived",
                (f, lang) -> Messages.get(lang, f.archived() ? "admin.yes" : "admin.no")));
        // Set on /admin/dashboard (which figures are headline cards, in what order).
        out.add(new AuditedField<>("admin.field.headline",
                (f, lang) -> Messages.get(lang, f.headline() ? "admin.yes" : "admin.no")));
        out.add(new AuditedField<>("admin.field.sort_order", (f, lang) -> String.valueOf(f.sortOrder())));
        return out;
    }

    /** Applied to the figure narrowed to one observation, so {@code latest()} is that observation. */
    private static List<AuditedField<FigureState>> observationFields() {
        List<AuditedField<FigureState>> out = new ArrayList<>();
        // Every observation field a form can change, so no edit leaves an entry with nothing to show.
        for (EditableField<FigureState, FigureForm> f : java.util.stream.Stream.concat(
                FigureFields.OF_OBSERVATION.stream(), FigureFields.FORM_ONLY.stream()).toList()) {
            out.add(switch (f.name()) {
                case "value" -> AuditedField.of(f, FigureState::display);
                case "qualifier" -> AuditedField.of(f, (s, lang) -> Messages.get(lang, "qualifier." + s.latest().qualifier()));
                case "as_of" -> AuditedField.of(f, (s, lang) -> DateFormat.format(lang, s.latest().asOf()));
                case "source_date" -> AuditedField.of(f, (s, lang) -> DateFormat.format(lang, s.latest().sourceDate()));
                default -> AuditedField.of(f);
            });
        }
        return out;
    }

    /** Each observation, as the figure with only that observation, so the fields read it as the latest. */
    private static List<AuditedType.Part<FigureState>> observations(FigureState f) {
        List<AuditedType.Part<FigureState>> parts = new ArrayList<>();
        for (ObservationState o : f.observations()) {
            FigureState narrowed = new FigureState(f.key(), f.labelZh(), f.labelEn(), f.category(), f.unitEn(),
                    f.headline(), f.sortOrder(), f.archived(), f.version(), List.of(o));
            parts.add(new AuditedType.Part<>(String.valueOf(o.id()),
                    lang -> Messages.get(lang, "admin.audit.part.observation", DateFormat.format(lang, o.asOf())),
                    narrowed));
        }
        return parts;
    }
}
