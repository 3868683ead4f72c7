package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "两, 2",
        "三, 3",
        "十, 10",
        "十五, 15",
        "二十, 20",
        "二十三, 23",
        "一百, 100",
        "一百零五, 105",
        "一百一十, 110",
        "一百五, 150",
        "两千, 2000",
        "三千, 3000",
        "一千零十, 1010",
        "一千零二十, 1020",
        "九千九百九十九, 9999",
        "万, 10000",
        "十万, 100000",
        "一万二千, 12000",
        "两万五, 25000",
        "一万零五, 10005",
        "三千万, 30000000",
        "二百年, -1",
        "亿, 100000000",
        "一亿五千万, 150000000",
        "一万亿, 1000000000000",
        "68, 68",
        "9000, 9000",
        "'9,000', 9000",
        "2.77, 2.77",
        "６８, 68",
        "１．５, 1.5",
        "1万, 10000",
        "1.2万, 12000",
        "2.77亿, 277000000",
        "3千万, 30000000",
        "200万, 2000000",
        "二十五点五, 25.5",
        "三点一四, 3.14",
    })
    void parses(String text, String expected) {
        if (expected.equals("-1")) {
            assertTrue(ChineseNumerals.parse(text).isEmpty(), text + " has a non-numeral");
            return;
        }
        BigDecimal value = ChineseNumerals.parse(text).orElseThrow(() -> new AssertionError("refused " + text));
        assertEquals(0, new BigDecimal(expected).compareTo(value), text + " -> " + value);
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"", "三三", "万万", "亿亿", "十百", "百百", "千百", "三万万", "零", "一零", "一百零",
        "五一", "二〇二五", "千千", "abc", "三a", "十-", "1万万", "1千百", "9,00", "1,0000", "万千", "点五", "三点", "三点两"})
    void refuses(String text) {
        assertTrue(ChineseNumerals.parse(text).isEmpty(), "should refuse '" + text + "' but got "
                + ChineseNumerals.parse(text));
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertTrue(ChineseNumerals.parse(null).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void valuesArePlainAndExact() {
        assertEquals("277000000", ChineseNumerals.parse("2.77亿").orElseThrow().toPlainString());
        assertEquals("2.77", ChineseNumerals.parse("2.77").orElseThrow().toPlainString());
        assertEquals("0.5", ChineseNumerals.parse("0.50").orElseThrow().toPlainString());
    }
}
