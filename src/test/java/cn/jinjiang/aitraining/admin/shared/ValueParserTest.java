package cn.jinjiang.aitraining.admin.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9000|9000", "'9,000'|9000", "2.77亿|277000000", "1万|10000", "1.5万亿|1500000000000", "0|0",
            "'  12 '|12", "12.50|12.5", "９０００|9000", "'9，000'|9000", "1000000000000000|1000000000000000",
            "'1,234,567.8'|1234567.8", "1.2345|1.2345", "1.23456万|12345.6", "0.000012345亿|1234.5"})
    void readsWhatPeopleWrite(String typed, String expected) {
        ValueParser.Result r = ValueParser.parse(typed);
        assertEquals(null, r.error());
        assertEquals(new BigDecimal(expected), r.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e5", "NaN", "Infinity", "9,00", "1..2", "万", "1万万", "0x10", "1/2", "12%"})
    void refusesWhatIsNotAPlainAmount(String typed) {
        assertFalse(ValueParser.parse(typed).ok(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-5|validation.value.negative", "1000000000000001|validation.value.too_large",
            "1001万亿|validation.value.too_large", "''|validation.required",
            "0.000000000000001|validation.value.precision", "1.23456|validation.value.precision"})
    void saysWhatIsWrong(String typed, String key) {
        assertEquals(key, ValueParser.parse(typed).error());
    }
}
