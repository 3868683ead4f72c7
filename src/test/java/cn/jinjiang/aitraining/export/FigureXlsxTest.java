package cn.jinjiang.aitraining.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /figures.xlsx holds exactly /figures.csv: same columns, same rows, numbers as number cells. */
class FigureXlsxTest {
    static TestApp app;
    static WebClient c;

    @BeforeAll static void start() {
        app = TestApp.start();
        c = app.client();
    }

    @AfterAll static void stop() { app.close(); }

    @Test
    void theWorkbookHasTheCsvsColumnsAndCellsWithTypedNumbers() throws IOException {
        HttpResponse<byte[]> xlsx = c.getBytes("/figures.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals(FigureXlsx.CONTENT_TYPE, xlsx.headers().firstValue("Content-Type").orElse(""));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("ai-training-figures.xlsx"));
        String etag = xlsx.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, c.getBytes("/figures.xlsx", "If-None-Match", etag).statusCode());

        List<CSVRecord> csv = CSVFormat.RFC4180.builder().get()
                .parse(new StringReader(c.get("/figures.csv").body().substring(1))).getRecords();
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(FigureXlsx.SHEET, wb.getFirstSheet().getName());
            rows = wb.getFirstSheet().read();
        }
        assertEquals(csv.size(), rows.size(), "a header and one row per figure, as in the CSV");
        assertEquals(FigureExport.COLUMNS, csv.get(0).toList());
        int valueColumn = FigureExport.COLUMNS.indexOf("value");
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < FigureExport.COLUMNS.size(); i++) {
                Cell cell = rows.get(r).getCell(i);
                cells.add(cell == null || cell.getType() == CellType.EMPTY ? "" : cell.getText());
            }
            List<String> expected = csv.get(r).toList().stream().map(FigureXlsxTest::withoutApostrophe).toList();
            assertEquals(expected, cells, "row " + r);
            if (r > 0) assertEquals(CellType.NUMBER, rows.get(r).getCell(valueColumn).getType(), "value is a number cell");
        }
        assertTrue(rows.stream().anyMatch(r -> "277000000".equals(r.getCell(valueColumn).getText())), "money in yuan, plain");
    }

    /** The CSV's formula guard; the workbook writes text as text and needs none. */
    private static String withoutApostrophe(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }
}
