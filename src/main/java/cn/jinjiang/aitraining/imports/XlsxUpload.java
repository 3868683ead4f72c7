package cn.jinjiang.aitraining.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An {@code .xlsx} upload read as a table: the first sheet, its first row the header. An xlsx is a
 * zip of XML files, so before any XML is parsed the whole archive is inflated once with a cap
 * ({@link #MAX_UNCOMPRESSED_BYTES}, {@link #MAX_ENTRIES}): a 2 MB zip can otherwise expand to
 * gigabytes. FastExcel's XML reader refuses DTDs and external entities.
 */
final class XlsxUpload {
    static final String FORMAT = "xlsx";
    /** 16x the upload limit: a real sheet of 5,000 figures inflates to a few MB. */
    static final long MAX_UNCOMPRESSED_BYTES = 32L * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    private static final Set<String> DATE_COLUMNS = Set.of("as_of", "source_date");

    private XlsxUpload() {}

    /** A zip's local-file signature: every xlsx starts with it. */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** An OLE2 compound file: the old binary .xls (and other Office 97 files). */
    static boolean looksLikeOldExcel(byte[] bytes) {
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }

    static UploadedTable read(byte[] bytes, int maxRows) {
        if (looksLikeOldExcel(bytes)) return UploadedTable.refused(FORMAT, "import.xls_old");
        if (!looksLikeZip(bytes)) return UploadedTable.refused(FORMAT, "import.xlsx_not_zip");
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, bytes);
            String inflated = checkInflatedSize(file);
            if (inflated != null) return UploadedTable.refused(FORMAT, inflated, MAX_UNCOMPRESSED_BYTES / (1024 * 1024));
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                return table(workbook.getFirstSheet(), maxRows);
            }
        } catch (IOException | UncheckedIOException e) {
            return UploadedTable.refused(FORMAT, "import.xlsx_broken");
        } catch (RuntimeException e) {
            // The file is untrusted and FastExcel reports a malformed part with whatever runtime
            // exception its parsing meets (its own, NumberFormat, NoSuchElement, IndexOutOfBounds ...):
            // each is this one answer, never a server error.
            return UploadedTable.refused(FORMAT, "import.xlsx_broken");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the temp folder; the answer stands
                }
            }
        }
    }

    /**
     * Inflates every entry the central directory lists (what FastExcel will read), counting the
     * bytes actually produced, not the sizes the archive claims. Returns a problem key, or null.
     */
    private static String checkInflatedSize(Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int entries = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) return "import.xlsx_too_big_inflated";
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > MAX_UNCOMPRESSED_BYTES) return "import.xlsx_too_big_inflated";
                    }
                }
            }
        }
        return null;
    }

    private static UploadedTable table(Sheet sheet, int maxRows) throws IOException {
        try (Stream<Row> rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) return UploadedTable.refused(FORMAT, "import.empty");
            Row first = it.next();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < first.getCellCount(); i++) header.add(text(first.getCell(i), false).strip());
            while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) header.remove(header.size() - 1);
            List<UploadedTable.Line> lines = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    boolean dateColumn = i < header.size() && DATE_COLUMNS.contains(header.get(i));
                    cells.add(text(row.getCell(i), dateColumn));
                }
                // Excel leaves formatted but empty cells at the end of a row, and empty rows
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) cells.remove(cells.size() - 1);
                if (cells.isEmpty()) continue;
                while (cells.size() < header.size()) cells.add("");
                lines.add(new UploadedTable.Line(row.getRowNum(), cells));
                if (lines.size() > maxRows) break;
            }
            return UploadedTable.of(FORMAT, header, lines);
        }
    }

    /**
     * A cell as the CSV would have it: numbers plain (9000, never 9000.0 or 9E+3), a date that
     * Excel made of a typed {@code 2025/9/30} in a date column as ISO, TRUE/FALSE as true/false.
     */
    private static String text(Cell cell, boolean dateColumn) {
        if (cell == null) return "";
        return switch (cell.getType()) {
            case NUMBER -> dateColumn ? cell.asDate().toLocalDate().toString() : plainNumber(cell.getRawValue());
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "true" : "false";
            case EMPTY -> "";
            case STRING -> cell.asString() == null ? "" : cell.asString();
            // a formula's last computed value, an error such as #N/A as written (the row then fails validation)
            case FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static String plainNumber(String raw) {
        if (raw == null) return "";
        try {
            BigDecimal v = new BigDecimal(raw.strip()).stripTrailingZeros();
            // 1E999999999 would print a billion digits; no figure is that large or that small
            if (Math.abs(v.scale()) > 30) return raw;
            return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
