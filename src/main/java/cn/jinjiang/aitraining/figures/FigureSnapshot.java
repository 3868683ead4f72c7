package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.values.Quantity;
import org.jdbi.v3.core.mapper.Nested;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;

/** A figure with its latest observation and that observation's source: what the dashboard shows. */
public record FigureSnapshot(@Nested("f") Figure figure, @Nested("o") Observation latest, @Nested("s") Source source) {

    public String key() { return figure.key(); }

    public String label(Lang lang) { return figure.label(lang); }

    public Quantity quantity() { return latest.quantity(); }

    public String display(Lang lang) { return QuantityFormat.display(lang, quantity(), figure.unitEn()); }

    public String chartLabel(Lang lang) { return QuantityFormat.chartLabel(lang, quantity()); }

    public String qualifierText(Lang lang) {
        return Messages.get(lang, "qualifier." + latest.qualifier());
    }
}
