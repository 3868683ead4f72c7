package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traditional text is read as simplified with unchanged offsets; quotes stay as printed. */
class TraditionalChineseTest {

    private static final LocalDate REPORT = LocalDate.of(2025, 9, 30);

    @Test
    void everyMarkerIsATraditionalOnlyCharacter() {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        List<String> notTraditional = new ArrayList<>();
        for (char c : TraditionalChinese.MARKERS.toCharArray()) {
            if (icu.transliterate(String.valueOf(c)).equals(String.valueOf(c))) {
                notTraditional.add(String.valueOf(c));
            }
        }
        assertTrue(notTraditional.isEmpty(), "markers ICU leaves unchanged: " + notTraditional);
    }

    @Test
    void simplifiedTextIsReturnedAsItIsWithoutLoadingIcu() {
        String text = "今年以来，晋江市共举办AI学习活动112场，覆盖干部1.5万余人次。";
        assertFalse(TraditionalChinese.looksTraditional(text));
        assertSame(text, TraditionalChinese.toSimplified(text));
    }

    @Test
    void conversionKeepsTheLengthAndMatchesIcu() {
        String printed = "今年以來，晉江市共舉辦AI學習活動112場，覆蓋幹部1.5萬餘人次，兩個月內選派幹部赴廣東學習。"
                + "勣噁";
        String simplified = TraditionalChinese.toSimplified(printed);
        assertEquals(printed.length(), simplified.length());
        assertTrue(simplified.startsWith("今年以来，晋江市共举办AI学习活动112场，覆盖干部1.5万余人次，两个月内选派干部赴广东学习。"),
                simplified);
        // ICU maps these two to supplementary characters: kept as printed so offsets do not shift
        assertTrue(simplified.endsWith("勣噁"), simplified);
    }

    @Test
    void figuresInTraditionalTextKeepTheirPrintedSpanAndQuote() {
        String printed = "今年以來，晉江市共舉辦AI學習活動112場，覆蓋幹部1.5萬餘人次。";
        ExtractionResult r = new FigureExtractor().analyse(printed, REPORT);
        assertEquals(printed, r.normalizedText());
        assertEquals(printed.length(), r.simplifiedText().length());
        Candidate events = r.candidates().get(0);
        assertEquals("112場", events.text());
        assertEquals("场", events.unit());
        assertEquals(Kind.COUNT, events.kind());
        assertEquals(UnitFamily.EVENTS, events.unitFamily());
        assertEquals(printed, events.quote());
        assertEquals("112場", printed.substring(events.sourceStart(), events.sourceEnd()));
        assertEquals("AI学习活动", events.subject()); // subjects are simplified, for matching labels
        assertEquals("今年以来", events.scope());
        Candidate people = r.candidates().get(1);
        assertEquals("1.5萬餘人次", people.text());
        assertEquals(0, people.value().compareTo(new java.math.BigDecimal(15000)));
        assertEquals(Qualifier.PLUS, people.qualifier());
        assertEquals("<b>1.5萬餘人次</b>", ExtractionResult.highlight(people, "<b>", "</b>")
                .replaceAll("^.*(<b>.*</b>).*$", "$1"));
    }
}
