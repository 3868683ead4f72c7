package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** One observation of a figure's history with its source, for the figure page and its JSON. */
public record HistoryEntry(@Nested("o") Observation observation, @Nested("s") Source source,
                           @ColumnName("f_unit_en") String unitEn) {

    public String display(Lang lang) { return QuantityFormat.display(lang, observation.quantity(), unitEn); }
}
