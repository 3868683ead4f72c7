package cn.jinjiang.aitraining.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** A CSV upload read as a table: UTF-8 (with or without BOM) or GBK, RFC 4180 quoting. */
final class CsvUpload {
    private CsvUpload() {}

    static UploadedTable read(byte[] bytes, int maxRows) {
        Optional<CsvDecoding.Decoded> decoded = CsvDecoding.decode(bytes);
        if (decoded.isEmpty()) return UploadedTable.refused("", "import.encoding");
        String format = "CSV " + decoded.get().charset().name();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(decoded.get().text()))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            List<UploadedTable.Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) cells.add(unneutralise(cell));
                // Excel saves rows whose cells were only formatted as ",,,,": nothing to import
                if (cells.stream().allMatch(String::isBlank)) continue;
                lines.add(new UploadedTable.Line((int) record.getRecordNumber() + 1, cells));
                // one more than allowed, so the service can say the file is too long
                if (lines.size() > maxRows) break;
            }
            return UploadedTable.of(format, header, lines);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return UploadedTable.refused(format, "import.unreadable");
        }
    }

    /** Undoes the apostrophe our CSV download puts before cells a spreadsheet would run as formulas. */
    static String unneutralise(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r\n".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
