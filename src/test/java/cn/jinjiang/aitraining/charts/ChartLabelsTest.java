package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bar labels wrap without breaking a word, a number or a quoted name; what still does not fit gets an ellipsis. */
class ChartLabelsTest {

    @Test
    void shortLabelsStayOnOneLine() {
        assertEquals(List.of("AI学习活动"), ChartLabels.wrap("AI学习活动"));
        assertEquals(List.of("AI lectures"), ChartLabels.wrap("AI lectures"));
    }

    @Test
    void chineseWrapsAtPunctuationAndBrackets() {
        assertEquals(List.of("“晋江干部学堂”培训人次", "（2023年以来）"), ChartLabels.wrap("“晋江干部学堂”培训人次（2023年以来）"));
    }

    @Test
    void aQuotedNameIsNeverBrokenEvenWhereItHasPunctuation() {
        List<String> lines = ChartLabels.wrap("党务干部培训班：“大模型、实操”专题讲座");
        assertEquals(List.of("党务干部培训班：", "“大模型、实操”专题讲座"), lines);
    }

    @Test
    void chineseMeetingALatinWordMayBreakButNeverInsideTheWord() {
        List<String> lines = ChartLabels.wrap("同步开班并开展AI辩论赛的主体班次");
        assertEquals(List.of("同步开班并开展AI", "辩论赛的主体班次"), lines);
        assertEquals(List.of("AI", "讲座"), ChartLabels.wrap("AI讲座", 4, 3), "at the script change when it must");
    }

    @Test
    void englishWrapsAtSpaces() {
        assertEquals(List.of("Main classes that opened", "together and debated AI"),
                ChartLabels.wrap("Main classes that opened together and debated AI"));
    }

    @Test
    void tooManyLinesEndInAnEllipsisAtABreak() {
        List<String> lines = ChartLabels.wrap("Officials of the organisation department seconded to Shanghai and Shenzhen for three years");
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).endsWith("…"), lines.toString());
        for (String l : lines) assertTrue(ChartLabels.columns(l) <= ChartLabels.LINE_WIDTH, l);
        assertTrue(lines.get(1).matches(".*\\b[A-Za-z]+…"), "a whole word before the ellipsis: " + lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年以来培训干部超过20,000人次的晋江干部学堂系列讲座活动统计", "Supercalifragilisticexpialidocious12345678"})
    void aLabelWithoutAnyBreakIsShortenedNeverCutInsideANumberOrWord(String label) {
        List<String> lines = ChartLabels.wrap(label);
        for (String l : lines) assertTrue(ChartLabels.columns(l) <= ChartLabels.LINE_WIDTH, lines.toString());
        String all = String.join("", lines);
        assertTrue(all.endsWith("…"), lines.toString());
        assertTrue(!all.contains("20,0…") && !all.contains("2023…".substring(0, 3) + "…"), lines.toString());
    }

    @Test
    void numbersAreKeptWhole() {
        for (String l : ChartLabels.wrap("Jinjiang Cadre School attendances 20,000 since 2023")) {
            assertTrue(!l.endsWith("20,") && !l.startsWith("000"), l);
        }
    }

    @Test
    void columnsCountChineseAsTwo() {
        assertEquals(4, ChartLabels.columns("晋江"));
        assertEquals(6, ChartLabels.columns("AI讲座"));
    }
}
