package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.i18n.Lang;
import java.util.function.BiFunction;

/**
 * One field as the audit log shows it: the message key of its label (the same the forms use) and
 * how a stored state shows it in a language.
 */
public record AuditedField<S>(String labelKey, BiFunction<S, Lang, String> shown) {

    /** A field of the entity's one declared list, shown as the conflict page shows what is saved. */
    public static <S> AuditedField<S> of(EditableField<S, ?> field) {
        return new AuditedField<>(field.labelKey(), (state, lang) -> field.saved().apply(state));
    }

    /** A field of the entity's one declared list, shown as the public page shows it (3.1亿元, not 310000000). */
    public static <S> AuditedField<S> of(EditableField<S, ?> field, BiFunction<S, Lang, String> shown) {
        return new AuditedField<>(field.labelKey(), shown);
    }
}
