package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.figures.Figure;
import cn.jinjiang.aitraining.figures.Observation;
import cn.jinjiang.aitraining.figures.ObservationRow;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every past value, as data: one row per observation, shared by {@code /observations.csv} and
 * {@code /api/observations}. Column names follow {@code /figures.csv} where they mean the same.
 */
public final class ObservationExport {
    public static final List<String> COLUMNS = List.of(
            "key", "label_zh", "label_en", "category", "value", "unit", "qualifier", "qualifier_word",
            "display_zh", "display_en", "period", "period_en", "as_of",
            "source", "source_en", "source_date", "source_headline", "source_author", "quote", "entry_kind");

    private ObservationExport() {}

    public static List<Object> csvRow(ObservationRow row) {
        Figure f = row.figure();
        Observation o = row.observation();
        Source s = row.source();
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(f.key());
        cells.add(f.labelZh());
        cells.add(f.labelEn());
        cells.add(f.category());
        cells.add(o.value());
        cells.add(o.unit());
        cells.add(o.qualifier());
        cells.add(o.qualifierWord());
        cells.add(row.display(Lang.ZH));
        cells.add(row.display(Lang.EN));
        cells.add(o.periodZh());
        cells.add(o.periodEn());
        cells.add(o.asOf().toString());
        cells.add(s.publicationZh());
        cells.add(s.publicationEn());
        cells.add(s.publishedOn().toString());
        cells.add(s.headlineZh());
        cells.add(s.author());
        cells.add(o.quote());
        cells.add(row.entryKind());
        return cells;
    }

    public static ObservationJson json(ObservationRow row) {
        Figure f = row.figure();
        Observation o = row.observation();
        return new ObservationJson(f.key(), f.labelZh(), f.labelEn(), f.category(),
                new BigDecimal(QuantityFormat.plain(o.value())), o.unit(), o.qualifier(), o.qualifierWord(),
                row.display(Lang.ZH), row.display(Lang.EN), o.periodZh(), o.periodEn(), o.asOf(),
                FigureExport.SourceJson.of(row.source()), o.quote(), row.entryKind(), "/figures/" + f.key());
    }

    /** One observation in {@code /api/observations} (snake_case names). */
    public record ObservationJson(
            String key, String labelZh, String labelEn, String category, BigDecimal value, String unit,
            String qualifier, String qualifierWord, String displayZh, String displayEn, String period,
            String periodEn, LocalDate asOf, FigureExport.SourceJson source, String quote, String entryKind,
            String url) {}
}
