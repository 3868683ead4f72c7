package cn.jinjiang.aitraining.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1)|'=SUM(A1)", "+1|'+1", "-1|'-1", "@cmd|'@cmd", "plain|plain", "中文|中文", "a=b|a=b"})
    void formulaLikeTextIsNeutralised(String in, String out) {
        assertEquals(out, CsvCells.text(in));
    }

    @Test
    void controlCharactersAtTheStartAreNeutralised() {
        for (String lead : List.of("\t", "\r", "\n", "\0")) {
            assertEquals("'" + lead + "x", CsvCells.text(lead + "x"));
        }
    }

    @Test
    void writesBomHeaderCrlfQuotedTextAndPlainNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvCells.CsvOut csv = CsvCells.open(out, List.of("key", "value", "=header"))) {
            csv.row(Arrays.asList("a\"b", new BigDecimal("-12.50"), "=1+1"));
            csv.row(Arrays.asList("line\nbreak", new BigDecimal("277000000"), null));
            csv.row(Arrays.asList("-5", new BigDecimal("1E+4"), "@x"));
        }
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals("\uFEFF\"key\",\"value\",\"'=header\"\r\n"
                + "\"a\"\"b\",-12.5,\"'=1+1\"\r\n"
                + "\"line\nbreak\",277000000,\"\"\r\n"
                + "\"'-5\",10000,\"'@x\"\r\n", text);
    }
}
