package cn.jinjiang.aitraining.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinjiang.aitraining.values.UnusualChange.Warning;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnusualChangeTest {

    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit, Qualifier.EXACT, null);
    }

    @ParameterizedTest(name = "{0}{1} ({2}) -> {3}{1} ({4}), report={5}: {6}")
    @CsvSource(delimiter = '|', value = {
            // the typo that went public: 3.1亿 corrected to "3.1"
            "310000000 | 元  | 2025年以来 | 3.1       | 2025年以来 | false | FACTOR_OF_TEN SMALL_MONEY",
            "277000000 | 元  | 2025年以来 | 310000000 | 2025年以来 | true  | ''",
            "68        | 场  | 2025年以来 | 112       | 2025年以来 | true  | ''",
            "68        | 场  | 2025年以来 | 680       | 2025年以来 | true  | FACTOR_OF_TEN",
            "68        | 场  | 2025年以来 | 6.8       | 2025年以来 | false | FACTOR_OF_TEN",
            "68        | 场  | 2025年以来 | 7         | 2025年以来 | false | ''",
            "68        | 场  | 2025年以来 | 60        | 2025年以来 | true  | CUMULATIVE_DECREASE",
            "68        | 场  | 2025年以来 | 60        | 2025年以来 | false | ''",
            "68        | 场  | 2025年以来 | 60        | 2026年以来 | true  | ''",
            "23        | 期  | 累计       | 20        | 累计       | true  | CUMULATIVE_DECREASE",
            "62        | 名  | 三年       | 40        | 三年       | true  | ''",
            "9999      | 元  | 累计       | 9999      | 累计       | false | SMALL_MONEY",
            "10000     | 元  | 累计       | 10000     | 累计       | false | ''",
    })
    void flagsWhatNeedsASecondLook(String now, String unit, String nowPeriod, String next, String nextPeriod,
                                   boolean report, String expected) {
        List<Warning> want = expected.isBlank() ? List.of()
                : java.util.Arrays.stream(expected.split(" ")).map(Warning::valueOf).toList();
        assertEquals(want, UnusualChange.check(q(now, unit), nowPeriod, q(next, unit), nextPeriod, report));
    }

    @ParameterizedTest
    @CsvSource({"累计,true", "2025年以来,true", "自2022年以来,true", "2025年,false", "三年,false", "'',false"})
    void cumulativePeriods(String period, boolean cumulative) {
        assertEquals(cumulative, UnusualChange.isCumulative(period));
    }

    @org.junit.jupiter.api.Test
    void aNewFigureIsCheckedOnlyForSmallMoney() {
        assertEquals(List.of(Warning.SMALL_MONEY), UnusualChange.check(null, null, q("3.1", "元"), "累计", true));
        assertEquals(List.of(), UnusualChange.check(null, null, q("98", "%"), "2025年", true));
    }
}
