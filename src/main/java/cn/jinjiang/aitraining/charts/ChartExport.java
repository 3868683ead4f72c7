package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.export.CsvCells;
import cn.jinjiang.aitraining.figures.Observation;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's data as CSV ({@code /charts/{slug}.csv}) and JSON ({@code /api/charts/{slug}}): exactly
 * what the chart shows, one row per value shown — each figure's latest value on a bar chart, every
 * observation on a line chart (with its qualifier, period and source), the current and previous
 * values of a number card, each dated event of a timeline. CSV by the rules of every download
 * ({@link CsvCells}: BOM, RFC 4180, CRLF, formula-safe text).
 */
public final class ChartExport {
    public static final List<String> FIGURE_COLUMNS = List.of(
            "key", "label_zh", "label_en", "value", "unit", "qualifier", "display_zh", "display_en",
            "period", "period_en", "as_of", "source", "source_en", "source_date");
    public static final List<String> EVENT_COLUMNS = List.of(
            "key", "date", "title_zh", "title_en", "kind", "source", "source_en", "source_date");

    private ChartExport() {}

    public static List<String> columns(ChartData d) {
        return d.type() == ChartType.TIMELINE ? EVENT_COLUMNS : FIGURE_COLUMNS;
    }

    /** The rows, each a list of cells in {@link #columns} order (numbers as {@link BigDecimal}). */
    public static List<List<Object>> rows(ChartData d) {
        List<List<Object>> rows = new ArrayList<>();
        if (d.type() == ChartType.TIMELINE) {
            for (EventSnapshot e : d.events()) {
                Source s = e.source();
                rows.add(List.of(e.key(), e.event().date().toString(), e.event().titleZh(), e.event().titleEn(),
                        e.event().kind(), s.publicationZh(), s.publicationEn(), s.publishedOn().toString()));
            }
            return rows;
        }
        for (ChartData.Shown shown : d.shown()) {
            Observation o = shown.observation();
            Source s = shown.source();
            String unitEn = shown.figure().figure().unitEn();
            List<Object> row = new ArrayList<>();
            row.add(shown.figure().key());
            row.add(shown.figure().figure().labelZh());
            row.add(shown.figure().figure().labelEn());
            row.add(o.value());
            row.add(o.unit());
            row.add(o.qualifier());
            row.add(QuantityFormat.display(Lang.ZH, o.quantity(), unitEn));
            row.add(QuantityFormat.display(Lang.EN, o.quantity(), unitEn));
            row.add(o.periodZh());
            row.add(o.periodEn());
            row.add(o.asOf().toString());
            row.add(s.publicationZh());
            row.add(s.publicationEn());
            row.add(s.publishedOn().toString());
            rows.add(row);
        }
        return rows;
    }

    public static void csv(ChartData d, OutputStream out) {
        try (CsvCells.CsvOut csv = CsvCells.open(out, columns(d))) {
            rows(d).forEach(csv::row);
        }
    }

    /** The rows as JSON objects named by the columns; numbers stay plain numbers. */
    public static List<Map<String, Object>> json(ChartData d) {
        List<String> columns = columns(d);
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : rows(d)) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object cell = row.get(i);
                item.put(columns.get(i), cell instanceof BigDecimal n ? new BigDecimal(QuantityFormat.plain(n)) : cell);
            }
            out.add(item);
        }
        return out;
    }

    /** A chart as {@code /api/charts} lists it: its slug, type, titles (placeholders filled) and page. */
    public static Map<String, Object> summary(ChartData d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("slug", d.chart().slug());
        item.put("type", d.chart().type());
        item.put("title_zh", ChartViews.title(d, Lang.ZH));
        item.put("title_en", ChartViews.title(d, Lang.EN));
        item.put("url", d.chart().url());
        return item;
    }

    /** {@code /api/charts/{slug}}: the summary, the captions, the figures' keys in order and the data. */
    public static Map<String, Object> detail(ChartData d) {
        Map<String, Object> item = summary(d);
        item.put("caption_zh", d.chart().captionZh());
        item.put("caption_en", d.chart().captionEn());
        item.put("figures", d.chart().figures());
        item.put("event_kinds", d.chart().eventKinds());
        item.put("last_updated", d.lastUpdated());
        item.put("csv", d.chart().url() + ".csv");
        item.put("png", d.chart().url() + ".png");
        item.put("data", json(d));
        return item;
    }
}
