package cn.jinjiang.aitraining.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportDatesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-09-30|2025-09-30",
            "2025-9-30|2025-09-30",
            "2025/9/30|2025-09-30",
            "2025/09/03|2025-09-03",
            "2025.9.3|2025-09-03",
            "2025年9月30日|2025-09-30",
            "2025年9月3日|2025-09-03",
            " 2025/9/30 |2025-09-30",
            "２０２５/９/３０|2025-09-30",
            // the calendar check stays with the form: this becomes an impossible ISO date it refuses
            "2025/2/30|2025-02-30",
    })
    void acceptedFormsBecomeIso(String raw, String iso) {
        assertEquals(iso, ImportDates.normalise(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"30/9/2025", "2025/9-30", "2025-09", "9月30日", "2025/123/1", "yesterday", "45930"})
    void otherTextIsLeftForTheFormToRefuse(String raw) {
        assertEquals(raw, ImportDates.normalise(raw));
    }
}
