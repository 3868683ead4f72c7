package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The English nouns of Chinese units: every unit a dashboard figure counts in has one, in plain English. */
class UnitRulesTest {
    private static final Pattern PLAIN_ENGLISH = Pattern.compile("[a-z]+( [a-z]+)*");

    @Test
    void theUnitsOfEveryCountingFamilyHaveAnEnglishNoun() {
        // people, events, hours, projects (UnitFamily), money and percent
        for (String unit : List.of("名", "人", "人次", "位", "场", "场次", "期", "次", "堂", "轮", "届", "班", "个班", "课",
                "学时", "课时", "小时", "天", "周", "个月", "年", "个", "项", "元", "%")) {
            Optional<String> en = UnitRules.english(unit);
            assertTrue(en.isPresent(), unit);
            assertTrue(PLAIN_ENGLISH.matcher(en.get()).matches(), unit + " → " + en.get());
        }
    }

    @Test
    void knownNounsAndTheUnknown() {
        assertEquals(Optional.of("events"), UnitRules.english("场"));
        assertEquals(Optional.of("attendances"), UnitRules.english(" 人次 "));
        assertEquals(Optional.of("study hours"), UnitRules.english("学时"));
        assertEquals(Optional.of("people"), UnitRules.english("名"));
        assertFalse(UnitRules.english("座谈").isPresent(), "not in the table: the editor is asked");
        assertFalse(UnitRules.english("").isPresent());
        assertFalse(UnitRules.english(null).isPresent());
    }
}
