package cn.jinjiang.aitraining.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV rules of every download, in one place: UTF-8 with a byte-order mark (so Excel reads
 * Chinese), RFC 4180 through Commons CSV with CRLF, every text cell quoted, numbers plain, and text
 * that a spreadsheet would run as a formula neutralised with a leading apostrophe (OWASP).
 */
public final class CsvCells {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\r\n")
            .get();

    private CsvCells() {}

    /** A text cell as it must be written; {@code null} becomes an empty cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r' || first == '\n' || first == '\0';
        return risky ? "'" + value : value;
    }

    /** Opens a CSV writer on a stream, writing the byte-order mark and the (neutralised) header. */
    public static CsvOut open(OutputStream out, List<String> header) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BOM);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header.stream().map(CsvCells::text).toList());
            return new CsvOut(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV being written: each value is a {@link BigDecimal} (plain number) or text. */
    public static final class CsvOut implements AutoCloseable {
        private final CSVPrinter printer;

        private CsvOut(CSVPrinter printer) {
            this.printer = printer;
        }

        public void row(List<?> cells) {
            try {
                for (Object cell : cells) {
                    if (cell instanceof BigDecimal number) {
                        printer.print(new PlainNumber(number));
                    } else if (cell instanceof Number number) {
                        printer.print(number);
                    } else {
                        printer.print(text(cell == null ? null : cell.toString()));
                    }
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A number written without exponent or trailing zeros; a Number, so Commons CSV leaves it unquoted. */
    private static final class PlainNumber extends Number {
        private static final long serialVersionUID = 1L;

        private final BigDecimal value;

        PlainNumber(BigDecimal value) { this.value = value; }

        @Override public int intValue() { return value.intValue(); }
        @Override public long longValue() { return value.longValue(); }
        @Override public float floatValue() { return value.floatValue(); }
        @Override public double doubleValue() { return value.doubleValue(); }
        @Override public String toString() { return cn.jinjiang.aitraining.i18n.QuantityFormat.plain(value); }
    }
}
