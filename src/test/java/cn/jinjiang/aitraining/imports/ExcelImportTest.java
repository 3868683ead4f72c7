package cn.jinjiang.aitraining.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import of what Excel makes: a GBK CSV with 2025/9/30 dates, an .xlsx (our own download back,
 * and one edited with typed cells), broken and hostile files, and unusual values that need a tick.
 */
class ExcelImportTest {
    private static final Charset GBK = Charset.forName("GBK");
    /** Every column of the download, as Excel writes them back: unquoted where it can. */
    private static final String ALL_COLUMNS = "key,label_zh,label_en,category,value,unit,qualifier,display_zh,display_en,"
            + "period,as_of,source,source_date,quote,qualifier_word,period_en,unit_en,source_en,source_headline,headline\r\n";

    static TestApp shared;
    static WebClient sharedClient;
    TestApp app;
    WebClient c;

    @BeforeAll static void startShared() {
        shared = TestApp.start();
        sharedClient = shared.signedIn();
    }

    @AfterAll static void stopShared() { shared.close(); }

    @BeforeEach void useShared() {
        app = shared;
        c = sharedClient;
    }

    @AfterEach void stopOwn() {
        if (app != shared) app.close();
    }

    private void ownServer() {
        app = TestApp.start();
        c = app.signedIn();
    }

    private HttpResponse<String> upload(String fileName, byte[] content) {
        return c.upload("/admin/import", fileName, content);
    }

    private HttpResponse<String> apply(String previewHtml, String reason, boolean confirmUnusual) {
        Document preview = Html.parse(previewHtml);
        String action = Html.form(preview, "import-apply-form").attr("action");
        Map<String, String> form = Html.fields(preview, "import-apply-form");
        form.put("reason", reason);
        if (confirmUnusual) form.put("confirm_unusual", "yes");
        return c.postAsIs(action, form);
    }

    private static Map<String, Element> rowsByKey(Document preview) {
        Map<String, Element> rows = new java.util.LinkedHashMap<>();
        for (Element row : preview.select("tr.import-row")) rows.put(row.attr("data-key"), row);
        return rows;
    }

    @Test
    void aGbkCsvSavedByExcelWithSlashDatesAndGroupedNumbersIsAccepted() {
        ownServer();
        String csv = ALL_COLUMNS
                + "ai-learning-activities,AI学习活动,AI learning activities,ai-learning,112,场,exact,112场,112 learning activities,"
                + "2025年以来,2025/9/30,晋江经济报,2025/9/30,今年以来开展学习活动112场,,2025 year to date,learning activities,"
                + "Jinjiang Economic News,晋江干部AI培训再上新台阶,TRUE\r\n"
                + "ai-training-attendance,AI学习培训覆盖干部,Officials reached by AI training,ai-learning,\"15,000\",人次,over,"
                + "超1.5万人次,\"over 15,000 attendances\",2025年以来,2025.9.30,晋江经济报,2025年9月30日,覆盖干部1.5万余人次,,"
                + "2025 year to date,attendances,Jinjiang Economic News,晋江干部AI培训再上新台阶,TRUE\r\n"
                + "ai-lectures,AI专题辅导讲座,AI lectures,ai-learning,1.2万,期,exact,,,2025年以来,2025-9-30,晋江经济报,"
                + "2025/09/30,举办专题辅导讲座,,2025 year to date,lectures,Jinjiang Economic News,,TRUE\r\n"
                // cells Excel only saw formatted
                + ",,,,,,,,,,,,,,,,,,,\r\n";
        byte[] bytes = csv.getBytes(GBK);
        assertFalse(Arrays.equals(bytes, csv.getBytes(StandardCharsets.UTF_8)), "really GBK bytes");

        HttpResponse<String> preview = upload("figures.csv", bytes);
        assertEquals(200, preview.statusCode(), preview.body());
        Map<String, Element> rows = rowsByKey(Html.parse(preview));
        assertEquals(3, rows.size(), rows.keySet().toString());
        assertEquals("report", rows.get("ai-learning-activities").attr("data-action"));
        assertEquals("report", rows.get("ai-training-attendance").attr("data-action"));
        // 6 → 12,000 lectures is a factor of ten: marked, the other rows not
        assertEquals("true", rows.get("ai-lectures").attr("data-unusual"));
        assertEquals("false", rows.get("ai-learning-activities").attr("data-unusual"));

        assertEquals(303, apply(preview.body(), "2025年9月30日报道", true).statusCode());
        String activities = c.get("/api/figures/ai-learning-activities").body();
        assertTrue(activities.contains("\"value\":112,"), activities);
        assertTrue(activities.contains("\"as_of\":\"2025-09-30\""), activities);
        assertTrue(activities.contains("\"headline\":\"晋江干部AI培训再上新台阶\""), activities);
        String attendance = c.get("/api/figures/ai-training-attendance").body();
        assertTrue(attendance.contains("\"value\":15000,"), attendance);
        assertTrue(attendance.contains("\"date\":\"2025-09-30\""), attendance);
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":12000,"));
    }

    @Test
    void datesInNoAcceptedFormNameTheFormsThatAre() {
        String before = c.get("/api/figures").body();
        String csv = ALL_COLUMNS
                + "ai-lectures,AI专题辅导讲座,AI lectures,ai-learning,7,期,exact,,,2025年以来,30/9/2025,晋江经济报,"
                + "2025/2/30,举办专题辅导讲座7期,,,,,,\r\n";
        HttpResponse<String> preview = upload("figures.csv", csv.getBytes(GBK));
        assertEquals(422, preview.statusCode());
        Document page = Html.parse(preview);
        List<String> messages = page.select("tr.import-problem").eachText();
        assertTrue(messages.stream().anyMatch(m -> m.contains("as_of") && m.contains("2025/9/30") && m.contains("2025年9月30日")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("source_date") && m.contains("此日期不存在")), messages.toString());
        assertEquals(before, c.get("/api/figures").body());
    }

    @Test
    void ourXlsxDownloadImportsBackUnchangedRowForRow() {
        HttpResponse<byte[]> xlsx = c.getBytes("/figures.xlsx");
        assertEquals(200, xlsx.statusCode());
        int figures = c.get("/figures.csv").body().split("\r\n").length - 1;
        HttpResponse<String> preview = upload("ai-training-figures.xlsx", xlsx.body());
        assertEquals(200, preview.statusCode(), preview.body());
        List<String> actions = Html.parse(preview).select("tr.import-row").eachAttr("data-action");
        assertEquals(figures, actions.size());
        assertEquals(List.of("unchanged"), actions.stream().distinct().toList(), actions.toString());
    }

    @Test
    void anXlsxEditedInExcelWithTypedCellsIsReadAndUnusualValuesNeedTheTick() throws IOException {
        ownServer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        List<String> header = List.of("key", "label_zh", "label_en", "category", "value", "unit", "qualifier", "period",
                "as_of", "source", "source_date", "quote", "source_headline", "headline");
        for (int i = 0; i < header.size(); i++) ws.value(0, i, header.get(i));
        Object[] row = {"ai-lectures", "AI专题辅导讲座", "AI lectures", "ai-learning", new BigDecimal("60"), "期", "exact",
                "2025年以来", LocalDate.of(2025, 9, 30), "晋江经济报", "2025/9/30", "举办专题辅导讲座60期", "新报道标题", Boolean.TRUE};
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof BigDecimal n) ws.value(1, i, n);
            else if (row[i] instanceof LocalDate d) {
                ws.value(1, i, d);
                ws.style(1, i).format("yyyy/m/d").set();
            } else if (row[i] instanceof Boolean b) ws.value(1, i, b);
            else ws.value(1, i, (String) row[i]);
        }
        wb.finish();

        HttpResponse<String> preview = upload("edited.xlsx", out.toByteArray());
        assertEquals(200, preview.statusCode(), preview.body());
        Document page = Html.parse(preview);
        Element lectures = rowsByKey(page).get("ai-lectures");
        assertEquals("report", lectures.attr("data-action"));
        assertEquals("true", lectures.attr("data-unusual"));
        assertTrue(lectures.select(".unusual-warning").text().contains("相差10倍以上"), lectures.text());
        assertEquals(1, page.select("#import-apply-form input[type=checkbox][name=confirm_unusual][value=yes]").size());

        HttpResponse<String> unconfirmed = apply(preview.body(), "新报道", false);
        assertEquals(422, unconfirmed.statusCode());
        Document again = Html.parse(unconfirmed);
        assertTrue(again.select("#import-unusual").text().contains("未导入任何内容"), again.text());
        assertEquals("true", rowsByKey(again).get("ai-lectures").attr("data-unusual"), "the preview is shown again");
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":6,"), "nothing changed");

        assertEquals(303, apply(unconfirmed.body(), "新报道", true).statusCode());
        String json = c.get("/api/figures/ai-lectures").body();
        assertTrue(json.contains("\"value\":60,"), json);
        assertTrue(json.contains("\"as_of\":\"2025-09-30\""), json);
    }

    @Test
    void moneyUnderTenThousandYuanIsMarkedInThePreview() {
        String csv = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote\r\n"
                + "ai-scenario-investment,场景项目总投资,Total investment in the scenario projects,ai-application,3.1,元,exact,"
                + "累计,2025-05-19,晋江经济报,2025-05-19,总投资达3.1\r\n";
        HttpResponse<String> preview = upload("figures.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        Element row = rowsByKey(Html.parse(preview)).get("ai-scenario-investment");
        assertEquals("correction", row.attr("data-action"));
        String warnings = row.select(".unusual-warning").text();
        assertTrue(warnings.contains("不足1万元"), warnings);
        assertTrue(warnings.contains("相差10倍以上"), warnings);
    }

    @Test
    void brokenAndHostileFilesGetAClearMessageAndChangeNothing() throws IOException {
        String before = c.get("/api/figures").body();
        byte[] real = c.getBytes("/figures.xlsx").body();

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 200 * 1024, "64 MB inflated from a small upload: " + bomb.size());

        ByteArrayOutputStream notAWorkbook = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(notAWorkbook)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        byte[] pkGarbage = "PK\u0003\u0004 and then nothing a zip reader could use".getBytes(StandardCharsets.ISO_8859_1);

        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("不是有效的Excel工作簿", "just some text".getBytes(StandardCharsets.UTF_8));
        files.put("Excel文件已损坏", pkGarbage);
        files.put("Excel文件已损坏 ", Arrays.copyOf(real, real.length / 2));
        files.put("Excel文件已损坏  ", notAWorkbook.toByteArray());
        files.put("解压后超过32 MB", bomb.toByteArray());
        files.put("旧版Excel文件（.xls）", ole2);
        files.put("不是有效的Excel工作簿 ", new byte[] {'P', 'K'});
        // five bytes: too short for any signature check to read past the end
        files.put("既不是UTF-8也不是GBK", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, (byte) 0x80, 0x41});
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            // a short file is only an xlsx when it is named so; otherwise it is read as a CSV
            String name = file.getKey().contains("GBK") ? "figures.csv" : "figures.xlsx";
            HttpResponse<String> r = upload(name, file.getValue());
            assertEquals(422, r.statusCode(), file.getKey() + ": " + r.body());
            String message = Html.parse(r).select("#import-problems").text();
            assertTrue(message.contains(file.getKey().strip()), file.getKey() + " → " + message);
            assertTrue(Html.parse(r).select("form#import-apply-form").isEmpty());
        }
        // the same refusal in English
        HttpResponse<String> en = c.upload("/admin/import?lang=en", "figures.xlsx", bomb.toByteArray());
        assertEquals(422, en.statusCode());
        assertTrue(Html.parse(en).select("#import-problems").text().contains("larger than 32 MB"), en.body());
        c.get("/?lang=zh"); // the language is remembered in a cookie; the other tests read Chinese
        assertEquals(before, c.get("/api/figures").body());
    }
}
