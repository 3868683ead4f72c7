package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.i18n.Lang;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the audit log shows one entity type's stored states, declared by the package that owns the
 * entity from its one list of editable fields and registered with {@link AuditService} beside its
 * {@link Revertible}: the audit log knows nothing of figures or events. A state may have parts
 * (a figure's observations); each part's fields are shown named by the part ("数值（2025年9月30日的报道）"),
 * never by a row id.
 *
 * @param label  what the target is called in a language
 * @param fields the entity's own fields, in form order
 * @param parts  the parts of a state, each as the state narrowed to that one part
 * @param partFields the fields shown for each part, applied to the narrowed state
 */
public record AuditedType<S>(
        String entityType, Class<S> stateType, BiFunction<S, Lang, String> label, List<AuditedField<S>> fields,
        Function<S, List<Part<S>>> parts, List<AuditedField<S>> partFields) {

    /** An entity without parts. */
    public static <S> AuditedType<S> of(String entityType, Class<S> stateType, BiFunction<S, Lang, String> label,
                                        List<AuditedField<S>> fields) {
        return new AuditedType<>(entityType, stateType, label, fields, s -> List.of(), List.of());
    }

    /**
     * One part of a state: an id stable across changes (to pair it before and after), its name in a
     * language, and the whole state narrowed to this part.
     */
    public record Part<S>(String id, Function<Lang, String> name, S narrowed) {}
}
