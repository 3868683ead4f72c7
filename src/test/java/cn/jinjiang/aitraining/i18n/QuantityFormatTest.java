package cn.jinjiang.aitraining.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityFormatTest {

    private static Quantity q(String value, String unit, String qualifier, String word) {
        return new Quantity(new BigDecimal(value), unit, Qualifier.fromCode(qualifier), word);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            68        | 场   | exact  | null | 68场
            9000      | 人次 | nearly | 近   | 近9,000人次
            9000      | 人次 | nearly | null | 近9,000人次
            9000      | 人次 | nearly | 将近 | 将近9,000人次
            10000     | 学时 | over   | 突破 | 突破1万学时
            10000     | 学时 | over   | null | 超过1万学时
            20000     | 人次 | over   | 超   | 超2万人次
            12345     | 人次 | exact  | null | 12,345人次
            12000     | 人   | about  | 约   | 约1.2万人
            100       | 人   | over   | 以上 | 100人以上
            100       | 人   | about  | 左右 | 100人左右
            40        | 名   | plus   | 多   | 40多名
            3000      | 人   | plus   | 余   | 3,000余人
            277000000 | 元   | exact  | null | 2.77亿元
            2000000   | 元   | exact  | null | 200万元
            1000000   | 元   | exact  | null | 100万元
            5000      | 元   | exact  | null | 5,000元
            123456789 | 元   | exact  | null | 123,456,789元
            2.5       | 小时 | exact  | null | 2.5小时
            100000000 | 个   | exact  | null | 1亿个
            """)
    void chineseKeepsTheSourceWordingAndMagnitudes(String value, String unit, String qualifier, String word, String expected) {
        assertEquals(expected, QuantityFormat.zh(q(value, unit, qualifier, word)));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            68        | 场   | exact  | learning activities | 68 learning activities
            9000      | 人次 | nearly | attendances         | nearly 9,000 attendances
            10000     | 学时 | over   | study hours         | over 10,000 study hours
            40        | 名   | plus   | officials           | 40+ officials
            12000     | 人   | about  | null                | about 12,000 people
            277000000 | 元   | exact  | null                | CNY 277 million
            2000000   | 元   | over   | null                | over CNY 2 million
            2770000   | 元   | exact  | null                | CNY 2.77 million
            1500000000| 元   | exact  | null                | CNY 1.5 billion
            5000      | 元   | exact  | null                | CNY 5,000
            1         | 学时 | exact  | study hours         | 1 study hour
            1         | 期   | exact  | classes             | 1 class
            1         | 名   | exact  | null                | 1 person
            2         | 个   | exact  | null                | 2
            """)
    void englishSpellsTheQualifierOut(String value, String unit, String qualifier, String unitEn, String expected) {
        assertEquals(expected, QuantityFormat.en(q(value, unit, qualifier, null), unitEn));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> zh {3} en {4}")
    @CsvSource(delimiter = '|', textBlock = """
            9000      | 人次 | nearly | ≈9,000   | ≈9,000
            10000     | 学时 | over   | >1万     | >10,000
            40        | 名   | plus   | 40+      | 40+
            12000     | 人   | about  | ≈1.2万   | ≈12,000
            68        | 场   | exact  | 68       | 68
            277000000 | 元   | exact  | 2.77亿元 | CNY 277 million
            """)
    void chartLabelsCarryTheQualifierMark(String value, String unit, String qualifier, String zh, String en) {
        Quantity quantity = q(value, unit, qualifier, null);
        assertEquals(zh, QuantityFormat.chartLabel(Lang.ZH, quantity));
        assertEquals(en, QuantityFormat.chartLabel(Lang.EN, quantity));
    }

    @ParameterizedTest
    @CsvSource({"277000000,277000000", "2.770,2.77", "1E+4,10000", "0.50,0.5", "-12,-12", "0,0"})
    void plainNumbersHaveNoExponentOrTrailingZeros(String value, String expected) {
        assertEquals(expected, QuantityFormat.plain(new BigDecimal(value)));
    }

    @Test
    void aWordThatDoesNotMatchTheQualifierIsReplacedByTheDefault() {
        // "突破" means over; it must never be printed for a "nearly" value.
        assertEquals("近9,000人次", QuantityFormat.zh(q("9000", "人次", "nearly", "突破")));
    }

    @Test
    void displayFollowsTheLanguage() {
        Quantity attendance = q("9000", "人次", "nearly", "近");
        assertEquals("近9,000人次", QuantityFormat.display(Lang.ZH, attendance, "attendances"));
        assertEquals("nearly 9,000 attendances", QuantityFormat.display(Lang.EN, attendance, "attendances"));
    }

    @Test
    void datesAreWrittenAsPeopleWriteThem() {
        java.time.LocalDate date = java.time.LocalDate.of(2025, 5, 19);
        assertEquals("2025年5月19日", DateFormat.format(Lang.ZH, date));
        assertEquals("19 May 2025", DateFormat.format(Lang.EN, date));
    }
}
