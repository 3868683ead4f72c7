package cn.jinjiang.aitraining.admin.shared;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.review.gate.ShownDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One editable field of an entity, declared once: its name (the form field and CSV column), the
 * message key of its label, how to show what is saved ({@code S}, the entity's state) and what a
 * form proposes ({@code F}). The conflict page and the import preview are derived from the list.
 */
public record EditableField<S, F>(String name, Function<S, String> saved, Function<F, String> proposed) {

    public String labelKey() { return "admin.field." + name; }

    /** One line of the conflict page or the import preview: the field, what is saved, what is proposed. */
    public record Difference(String field, String labelKey, String saved, String proposed) {
        public boolean differs() { return !saved.equals(proposed); }
    }

    /** Every field of {@code fields} side by side; a missing state or form shows as "". */
    public static <S, F> List<Difference> compare(List<EditableField<S, F>> fields, S saved, F proposed) {
        List<Difference> out = new ArrayList<>();
        for (EditableField<S, F> f : fields) {
            out.add(new Difference(f.name(), f.labelKey(), text(saved == null ? null : f.saved().apply(saved)),
                    text(proposed == null ? null : f.proposed().apply(proposed))));
        }
        return out;
    }

    private static String text(String s) { return Objects.requireNonNullElse(s, ""); }

    /** The compared fields that differ, as the review page lists a pending change's diff. */
    public static List<ShownDifference> shownChanges(
            Lang lang, List<Difference> differences) {
        return differences.stream().filter(Difference::differs)
                .map(d -> ShownDifference.of(lang, d.labelKey(), d.saved(), d.proposed()))
                .toList();
    }
}
