package cn.jinjiang.aitraining.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "zh,ZH", "zh-CN,ZH", "ZH_cn,ZH", "en,EN", "en-GB,EN", "EN,EN", "fr,none", "'',none", "none,none", "<script>,none"})
    void parsesOnlyTheTwoLanguages(String value, String expected) {
        assertEquals(expected == null ? Optional.empty() : Optional.of(Lang.valueOf(expected)), Lang.parse(value));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", delimiter = '|', value = {
            "en-US,en;q=0.9|EN", "fr-FR, en;q=0.5, zh;q=0.8|ZH", "zh-CN,zh;q=0.9,en;q=0.8|ZH",
            "de-DE|none", "none|none", ";;;garbage|none", "en;q=0|none"})
    void picksTheBestSupportedLanguageOfAcceptLanguage(String header, String expected) {
        assertEquals(expected == null ? Optional.empty() : Optional.of(Lang.valueOf(expected)), Lang.fromAcceptLanguage(header));
    }
}
