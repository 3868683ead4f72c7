package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.audit.AuditEntry;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.changes.ChangeKind;
import cn.jinjiang.aitraining.changes.PublicRecord;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a figure's changes are told at /changes and on its page, from the states its audit entries
 * store. The kind is read from what changed, not from the action's name, so imports, the extract
 * page and reverts are told like the form's reports and corrections: a new value is a report, a
 * rewritten or withdrawn value a correction (showing the value it replaced).
 */
public final class FigurePublicRecord implements PublicRecord {
    private final AuditWriter audit;
    private final FigureService figures;

    public FigurePublicRecord(AuditWriter audit, FigureService figures) {
        this.audit = audit;
        this.figures = figures;
    }

    @Override
    public String entityType() { return AuditEntry.FIGURE; }

    /**
     * Entries written before a field existed store a partial state (a test keeps one): a missing list
     * of observations means "not recorded", never "all withdrawn", and a missing name falls back.
     */
    @Override
    public Subject describe(String beforeJson, String afterJson) {
        FigureState after = audit.read(afterJson, FigureState.class);
        FigureState before = audit.read(beforeJson, FigureState.class);
        ObservationState latest = latest(after);
        Long latestId = latest == null ? null : latest.id();
        String labelZh = firstOf(after.labelZh(), before == null ? null : before.labelZh(), after.key());
        String labelEn = firstOf(after.labelEn(), before == null ? null : before.labelEn(), labelZh);
        Names names = new Names(labelZh, labelEn, after.unitEn());
        if (before == null) return subject(ChangeKind.NEW, names, latest, null, null, latestId);
        if (!before.archived() && after.archived()) return subject(ChangeKind.ARCHIVED, names, latest, null, null, latestId);
        if (before.archived() && !after.archived()) return subject(ChangeKind.RESTORED, names, latest, null, null, latestId);
        if (before.observations() != null && after.observations() != null) {
            Map<Long, ObservationState> was = byId(before.observations());
            Map<Long, ObservationState> now = byId(after.observations());
            for (ObservationState o : after.observations()) {
                ObservationState old = was.get(o.id());
                if (old != null && !same(old, o)) {
                    return subject(ChangeKind.CORRECTION, names, o, old, before.unitEn(), o.id());
                }
            }
            for (ObservationState o : after.observations()) {
                if (!was.containsKey(o.id())) return subject(ChangeKind.REPORT, names, o, null, null, o.id());
            }
            for (ObservationState old : before.observations()) {
                // a value withdrawn (an undone report): the figure shows its previous value again
                if (!now.containsKey(old.id())) {
                    return subject(ChangeKind.CORRECTION, names, latest, old, before.unitEn(), old.id());
                }
            }
        }
        // only the figure's own fields (its names): a correction with no value replaced
        return subject(ChangeKind.CORRECTION, names, latest, null, null, null);
    }

    @Override
    public Set<String> published(Collection<String> keys) {
        return figures.byKeys(List.copyOf(keys)).stream().map(FigureSnapshot::key).collect(Collectors.toSet());
    }

    @Override
    public String path(String key) { return "/figures/" + key; }

    /** The figure's names and English unit after the change. */
    private record Names(String zh, String en, String unitEn) {}

    private static Subject subject(ChangeKind kind, Names f, ObservationState shown, ObservationState replaced,
                                   String replacedUnitEn, Long observationId) {
        String zh = display(Lang.ZH, shown, f.unitEn());
        String en = display(Lang.EN, shown, f.unitEn());
        String oldZh = display(Lang.ZH, replaced, replacedUnitEn);
        String oldEn = display(Lang.EN, replaced, replacedUnitEn);
        // a correction of the quote or the period keeps the value: "7期 (was 7期)" would say nothing
        boolean sameValue = oldZh != null && oldZh.equals(zh) && Objects.equals(oldEn, en);
        return new Subject(kind, f.zh(), f.en(), zh, en, sameValue ? null : oldZh, sameValue ? null : oldEn,
                observationId);
    }

    /** The value the figure showed: newest as-of date, then newest row (as {@link FigureState#latest()}). */
    private static ObservationState latest(FigureState f) {
        return f.observations() == null ? null : f.latest();
    }

    /** Same reported content; null-safe, as an old entry may lack fields. */
    private static boolean same(ObservationState a, ObservationState b) {
        boolean sameValue = a.value() == null ? b.value() == null : b.value() != null && a.value().compareTo(b.value()) == 0;
        return sameValue && rest(a, b);
    }

    private static boolean rest(ObservationState a, ObservationState b) {
        return Objects.equals(a.unit(), b.unit()) && Objects.equals(a.qualifier(), b.qualifier())
                && Objects.equals(a.qualifierWord(), b.qualifierWord()) && Objects.equals(a.periodZh(), b.periodZh())
                && Objects.equals(a.periodEn(), b.periodEn()) && Objects.equals(a.asOf(), b.asOf())
                && a.sourceId() == b.sourceId() && Objects.equals(a.quote(), b.quote());
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) if (c != null && !c.isBlank()) return c;
        return "";
    }

    private static String display(Lang lang, ObservationState o, String unitEn) {
        if (o == null || o.value() == null || o.unit() == null || o.qualifier() == null) return null;
        return QuantityFormat.display(lang, o.quantity(), unitEn);
    }

    private static Map<Long, ObservationState> byId(List<ObservationState> observations) {
        Map<Long, ObservationState> m = new LinkedHashMap<>();
        for (ObservationState o : observations) m.put(o.id(), o);
        return m;
    }
}
