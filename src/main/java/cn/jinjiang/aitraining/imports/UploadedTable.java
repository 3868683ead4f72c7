package cn.jinjiang.aitraining.imports;

import java.util.List;

/**
 * An uploaded file read as a table, whatever its format: the header's column names and each data
 * row's cells as text, with the line (CSV record or spreadsheet row) people see it on. A file that
 * cannot be read at all is a {@code problem} (a message key) instead.
 */
record UploadedTable(String format, List<String> header, List<Line> lines, String problem, Object[] args) {

    /** One data row; {@code cells} may be shorter or longer than the header. */
    record Line(int number, List<String> cells) {}

    static UploadedTable of(String format, List<String> header, List<Line> lines) {
        return new UploadedTable(format, header, lines, null, new Object[0]);
    }

    static UploadedTable refused(String format, String problem, Object... args) {
        return new UploadedTable(format, List.of(), List.of(), problem, args);
    }

    boolean readable() { return problem == null; }
}
