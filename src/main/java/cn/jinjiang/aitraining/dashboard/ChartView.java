package cn.jinjiang.aitraining.dashboard;

import java.util.List;

/**
 * A chart ready for the page: its texts in the request's language, the rows of its table
 * equivalent, and the JSON that {@code charts.js} draws (put in a data attribute, so it is escaped).
 */
public record ChartView(String id, String title, String caption, String sourceLine, List<String> columns,
                        List<Row> rows, String json) {

    /** The timeline's second column is an event title, not a number. */
    public boolean valuesAreNumbers() { return !ChartSpec.TIMELINE.equals(id); }

    /** One row of the table equivalent; {@code href} links the row to its figure or event. */
    public record Row(String label, String value, String detail, String href) {}
}
