package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void joinsCjkAndDigitsWithoutSpace() {
        assertEquals("举办39期“晋江干部学堂”", TextNormalizer.normalizeText("举办 39\n期“晋江干部学堂”"));
        assertEquals("日前，在第八届", TextNormalizer.normalizeText("日 前 ，在 第\n八届"));
        assertEquals("共2025件", TextNormalizer.normalizeText("共20\n25件"));
    }

    @Test
    void dropsLineEndHyphenInLatinWords() {
        assertEquals("以及Deepseek等模型", TextNormalizer.normalizeText("以及Deep\u2043\nseek等模型"));
        assertEquals("AI model", TextNormalizer.normalizeText("AI\nmodel"));
        assertEquals("明确AI作为", TextNormalizer.normalizeText("明确 AI作为"));
    }

    @Test
    void blankLineIsAParagraphBreak() {
        assertEquals("第一段。\n第二段。", TextNormalizer.normalizeText("第一段。\n\n第二段。\n\n\n"));
    }

    @Test
    void fullWidthDigitsBecomeAscii() {
        assertEquals("68场15%", TextNormalizer.normalizeText("６８场１５％"));
    }

    @Test
    void keepsAMapToTheRawText() {
        String raw = "举办 39\n期";
        NormalizedText nt = TextNormalizer.normalize(raw);
        assertEquals("举办39期", nt.text());
        assertEquals('期', raw.charAt(nt.sourceIndex()[4]));
        assertEquals('3', raw.charAt(nt.sourceIndex()[2]));
    }
}
