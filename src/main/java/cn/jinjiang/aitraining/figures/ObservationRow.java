package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * One observation of a published figure with its figure and source, for the observations downloads;
 * {@code entryKind} is {@code report} or {@code correction} (see {@link FigureDao#forEachObservation}).
 */
public record ObservationRow(@Nested("f") Figure figure, @Nested("o") Observation observation,
                             @Nested("s") Source source, @ColumnName("entry_kind") String entryKind) {

    public String display(Lang lang) { return QuantityFormat.display(lang, observation.quantity(), figure.unitEn()); }
}
