package cn.jinjiang.aitraining.charts;

import java.util.List;

/**
 * A chart ready for a page in one language: its texts (the title with its placeholders filled),
 * the rows of its table equivalent, the JSON that {@code charts.js} draws (put in a data attribute,
 * so it is escaped), and for a number card the card's texts.
 *
 * @param numeric   for each column after the first, whether it holds numbers (right-aligned)
 * @param breakNote for a line chart whose line breaks where the period changes, the sentence saying so
 */
public record ChartView(String slug, String type, String title, String caption, String note, String breakNote,
                        String sourceLine, String lastUpdated, List<String> columns, List<Boolean> numeric,
                        List<Row> rows, String json, NumberCard card) {

    public String url() { return "/charts/" + slug; }

    /** Whether the chart is drawn on a canvas (a number card is plain HTML). */
    public boolean drawn() { return card == null; }

    /** The number card's parts: the value, its label and period, and the change or the previous value. */
    public record NumberCard(String label, String value, String period, String change) {}

    /** One row of the table equivalent: the first cell (a link to its figure or event), then the rest. */
    public record Row(String label, String href, List<String> cells) {}
}
