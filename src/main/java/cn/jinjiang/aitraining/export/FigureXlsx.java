package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code /figures.xlsx}: the columns and rows of {@code /figures.csv} ({@link FigureExport#csvRow}) in
 * one sheet, for staff who edit in Excel and import the file back. Values are number cells; dates
 * stay ISO text (a date cell would come back in whatever form the viewer's Excel shows, and the
 * import reads text exactly). Text is written as text, never as a formula, so it needs no
 * apostrophe as the CSV does.
 */
public final class FigureXlsx {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET = "figures";

    private FigureXlsx() {}

    /** Writes the workbook, one row per figure that {@code rows} hands over; leaves {@code out} open. */
    public static void write(OutputStream out, Consumer<Consumer<FigureSnapshot>> rows) throws IOException {
        Workbook workbook = new Workbook(new KeepOpen(out), "AI training dashboard", "1.0");
        Worksheet sheet = workbook.newWorksheet(SHEET);
        List<String> columns = FigureExport.COLUMNS;
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c));
            sheet.style(0, c).bold().set();
        }
        int[] row = {1};
        try {
            rows.accept(f -> {
                List<Object> cells = FigureExport.csvRow(f);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof BigDecimal number) sheet.value(row[0], c, new BigDecimal(QuantityFormat.plain(number)));
                    else if (cell != null && !cell.toString().isEmpty()) sheet.value(row[0], c, cell.toString());
                }
                row[0]++;
                if (row[0] % 1_000 == 0) flush(sheet);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workbook.finish();
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response stream belongs to the server: finishing the workbook must not close it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
