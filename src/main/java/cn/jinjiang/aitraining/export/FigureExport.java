package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.HistoryEntry;
import cn.jinjiang.aitraining.figures.Observation;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures as data: one column list shared by {@code /figures.csv}, the JSON API and the admin
 * CSV import, so the three never drift apart.
 */
public final class FigureExport {
    public static final List<String> COLUMNS = List.of(
            "key", "label_zh", "label_en", "category", "value", "unit", "qualifier", "display_zh", "display_en",
            "period", "as_of", "source", "source_date", "quote",
            "qualifier_word", "period_en", "unit_en", "source_en", "source_headline", "headline");

    private FigureExport() {}

    public static List<Object> csvRow(FigureSnapshot f) {
        Observation o = f.latest();
        Source s = f.source();
        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.add(f.key());
        row.add(f.figure().labelZh());
        row.add(f.figure().labelEn());
        row.add(f.figure().category());
        row.add(o.value());
        row.add(o.unit());
        row.add(o.qualifier());
        row.add(f.display(Lang.ZH));
        row.add(f.display(Lang.EN));
        row.add(o.periodZh());
        row.add(o.asOf().toString());
        row.add(s.publicationZh());
        row.add(s.publishedOn().toString());
        row.add(o.quote());
        row.add(o.qualifierWord());
        row.add(o.periodEn());
        row.add(f.figure().unitEn());
        row.add(s.publicationEn());
        row.add(s.headlineZh());
        row.add(f.figure().headline() ? "true" : "false");
        return row;
    }

    public static FigureJson json(FigureSnapshot f, List<HistoryEntry> history) {
        Observation o = f.latest();
        List<ObservationJson> observations = history == null ? null : history.stream()
                .map(h -> new ObservationJson(plainValue(h.observation().value()), h.observation().unit(),
                        h.observation().qualifier(), h.observation().qualifierWord(), h.display(Lang.ZH),
                        h.display(Lang.EN), h.observation().periodZh(), h.observation().periodEn(),
                        h.observation().asOf(), SourceJson.of(h.source()), h.observation().quote()))
                .toList();
        return new FigureJson(f.key(), f.figure().labelZh(), f.figure().labelEn(), f.figure().category(),
                plainValue(o.value()), o.unit(), o.qualifier(), o.qualifierWord(), f.display(Lang.ZH), f.display(Lang.EN),
                o.periodZh(), o.periodEn(), o.asOf(), SourceJson.of(f.source()), o.quote(), f.figure().headline(),
                "/figures/" + f.key(), observations);
    }

    private static BigDecimal plainValue(BigDecimal v) {
        return new BigDecimal(QuantityFormat.plain(v));
    }

    /** A figure in the JSON API (snake_case names); {@code observations} only on a figure's own JSON. */
    public record FigureJson(
            String key, String labelZh, String labelEn, String category, BigDecimal value, String unit,
            String qualifier, String qualifierWord, String displayZh, String displayEn, String period,
            String periodEn, LocalDate asOf, SourceJson source, String quote, boolean headline, String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ObservationJson> observations) {}

    /** One observation of a figure's history, oldest first. */
    public record ObservationJson(
            BigDecimal value, String unit, String qualifier, String qualifierWord, String displayZh,
            String displayEn, String period, String periodEn, LocalDate asOf, SourceJson source, String quote) {}

    /** The publication behind a figure or event. */
    public record SourceJson(String publication, String publicationEn, LocalDate date, String headline,
                             String headlineEn, String author) {
        static SourceJson of(Source s) {
            return new SourceJson(s.publicationZh(), s.publicationEn(), s.publishedOn(), s.headlineZh(),
                    s.headlineEn(), s.author());
        }
    }
}
