package cn.jinjiang.aitraining.values;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A reported amount as the source states it: the number, the Chinese unit (measure word or 元),
 * the qualifier and, when known, the source's own qualifier word (近, 突破, 多 ...).
 */
public record Quantity(BigDecimal value, String unit, Qualifier qualifier, String qualifierWord) {
    public static final String YUAN = "元";

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(qualifier, "qualifier");
        unit = unit == null ? "" : unit;
        // A word that does not express the qualifier would make the display lie; use the default.
        if (qualifierWord != null && (qualifierWord.isBlank() || !qualifier.accepts(qualifierWord))) {
            qualifierWord = null;
        }
    }

    public static Quantity of(long value, String unit, Qualifier qualifier) {
        return new Quantity(BigDecimal.valueOf(value), unit, qualifier, null);
    }

    public boolean isMoney() { return YUAN.equals(unit); }

    /** The word to print: the source's own, else the qualifier's usual one. */
    public String word() { return qualifierWord != null ? qualifierWord : qualifier.defaultWord(); }
}
