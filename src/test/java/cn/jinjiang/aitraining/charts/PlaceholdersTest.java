package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void namesAreFoundInOrderWithRepeats() {
        assertEquals(List.of("ai-lectures", "count", "ai-lectures"),
                Placeholders.names("{ai-lectures}，共{count}场；又{ai-lectures}"));
        assertEquals(List.of(), Placeholders.names("没有占位符"));
        assertEquals(List.of(), Placeholders.names(null));
    }

    @Test
    void fillPutsEachValueInPlaceAndAMissingOneBecomesADash() {
        Map<String, String> values = Map.of("ai-training-attendance", "近9,000人次", "ai-lectures", "6期");
        assertEquals("AI学习培训今年覆盖干部近9,000人次，讲座6期",
                Placeholders.fill("AI学习培训今年覆盖干部{ai-training-attendance}，讲座{ai-lectures}", values::get));
        assertEquals("覆盖—", Placeholders.fill("覆盖{archived-figure}", values::get), "never the raw placeholder");
        assertEquals("nearly 9,000 attendances", Placeholders.fill("{ai-training-attendance}",
                Map.of("ai-training-attendance", "nearly 9,000 attendances")::get));
    }

    @Test
    void valuesWithDollarsAndBackslashesAreTakenLiterally() {
        assertEquals("CNY $5\\x", Placeholders.fill("{money}", Map.of("money", "CNY $5\\x")::get));
    }

    @Test
    void timelinePlaceholders() {
        Map<String, String> values = Map.of("count", "3", "first", "2025年2月28日", "last", "2025年4月22日");
        assertEquals("2025年AI学习培训的3个关键日期：2025年2月28日至2025年4月22日",
                Placeholders.fill("2025年AI学习培训的{count}个关键日期：{first}至{last}", values::get));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "标题{Count}|{Count}",
            "标题{ai learning}|{ai learning}",
            "标题{ai-lectures|{",
            "标题ai-lectures}|}",
            "{}|{}",
            "{-x}|{-x}"})
    void malformedBracesAreReported(String title, String reported) {
        assertEquals(Optional.of(reported), Placeholders.malformed(title));
    }

    @Test
    void wellFormedTitlesHaveNothingMalformed() {
        assertEquals(Optional.empty(), Placeholders.malformed("{ai-lectures} and {count} in {x2-y}"));
        assertEquals(Optional.empty(), Placeholders.malformed("no braces"));
    }
}
