package cn.jinjiang.aitraining.preview;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws Chinese and Latin text with Java2D in the fonts that come with the jar (Droid Sans Fallback
 * for Chinese, DejaVu Sans for Latin letters and digits), so a server without fonts draws it too and
 * operators install nothing. Shared by the link preview and the charts' PNG downloads; the fonts are
 * loaded once per instance (the Chinese one is large), so make one and pass it around. They are loaded
 * on first use, not at start-up: loading them starts Java2D's font machinery (native libraries and
 * a temporary copy of each font), which a server that never draws an image should not pay for in
 * start-up time or resident memory.
 */
public final class TextPainter {
    /** Chinese glyphs: Droid Sans Fallback (Apache-2.0); it has no Latin letters or digits. */
    private static final String CJK_FONT = "fonts/DroidSansFallbackFull.ttf";
    /** Latin letters, digits and Western punctuation (“ ” ·): DejaVu Sans (Bitstream Vera licence). */
    private static final String LATIN_FONT = "fonts/DejaVuSans.ttf";
    private static final String LATIN_BOLD_FONT = "fonts/DejaVuSans-Bold.ttf";

    private record Fonts(Font cjk, Font latin, Font latinBold) {}

    /** Null until the first text is measured or drawn; guarded by this for the load. */
    private volatile Fonts fonts;

    private Fonts fonts() {
        Fonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) fonts = new Fonts(load(CJK_FONT), load(LATIN_FONT), load(LATIN_BOLD_FONT));
                loaded = fonts;
            }
        }
        return loaded;
    }

    private static Font load(String resource) {
        try (InputStream in = TextPainter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing font resource " + resource);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + resource, e);
        }
    }

    /** Whether one of the bundled fonts has a glyph for every character of the text. */
    public boolean canDraw(String text) {
        Fonts f = fonts();
        return text.codePoints().allMatch(c -> f.latin().canDisplay(c) || f.cjk().canDisplay(c));
    }

    /** The Latin font for what it covers below the CJK blocks, the CJK font for the rest. */
    private static Font fontFor(Fonts fonts, int codePoint) {
        return codePoint < 0x2E80 && fonts.latin().canDisplay(codePoint) ? fonts.latin() : fonts.cjk();
    }

    /**
     * Draws one line of text at a size that fits the width: smaller down to 60% of the asked size,
     * then cut with an ellipsis (never into the next cell).
     */
    public void line(Graphics2D g, String text, float size, boolean bold, float x, float baseline, float width) {
        if (text == null || text.isEmpty()) return;
        float s = size;
        TextLayout layout = layout(g, text, s, bold);
        while (layout.getAdvance() > width && s > size * 0.6f) {
            s -= 1f;
            layout = layout(g, text, s, bold);
        }
        String shown = text;
        while (layout.getAdvance() > width && shown.length() > 1) {
            shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
            layout = layout(g, shown + "…", s, bold);
        }
        layout.draw(g, x, baseline);
    }

    /** Draws a line of text as it is (no fitting), aligned at x by its left, centre or right. */
    public float draw(Graphics2D g, String text, float size, boolean bold, float x, float baseline, Align align) {
        if (text == null || text.isEmpty()) return 0;
        TextLayout layout = layout(g, text, size, bold);
        float advance = layout.getAdvance();
        float left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - advance / 2;
            case RIGHT -> x - advance;
        };
        layout.draw(g, left, baseline);
        return advance;
    }

    public enum Align { LEFT, CENTER, RIGHT }

    public float advance(Graphics2D g, String text, float size, boolean bold) {
        return text == null || text.isEmpty() ? 0 : layout(g, text, size, bold).getAdvance();
    }

    /**
     * Breaks text into lines that fit the width, at the places the language allows (spaces, between
     * Chinese characters, after punctuation; never inside a Latin word or a number). A word wider
     * than the line gets a line of its own and is drawn shrunk or cut by {@link #line}.
     */
    public List<String> wrap(Graphics2D g, String text, float size, boolean bold, float width, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) return lines;
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(text);
        int lineStart = 0;
        int lastFit = -1;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            String candidate = text.substring(lineStart, end).stripTrailing();
            if (advance(g, candidate, size, bold) <= width) {
                lastFit = end;
                continue;
            }
            if (lastFit > lineStart) {
                lines.add(text.substring(lineStart, lastFit).strip());
                lineStart = lastFit;
                lastFit = advance(g, text.substring(lineStart, end).stripTrailing(), size, bold) <= width ? end : -1;
                if (lastFit < 0) {
                    lines.add(text.substring(lineStart, end).strip());
                    lineStart = end;
                }
            } else {
                lines.add(candidate.strip());
                lineStart = end;
                lastFit = -1;
            }
        }
        if (lineStart < text.length() && !text.substring(lineStart).isBlank()) lines.add(text.substring(lineStart).strip());
        return lines;
    }

    public TextLayout layout(Graphics2D g, String text, float size, boolean bold) {
        AttributedString styled = new AttributedString(text);
        int style = bold ? Font.BOLD : Font.PLAIN;
        Fonts fonts = fonts();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int end = i + Character.charCount(c);
            Font f = fontFor(fonts, c);
            while (end < text.length() && fontFor(fonts, text.codePointAt(end)) == f) end += Character.charCount(text.codePointAt(end));
            Font styledFont = f == fonts.latin() && bold ? fonts.latinBold().deriveFont(size) : f.deriveFont(style, size);
            styled.addAttribute(TextAttribute.FONT, styledFont, i, end);
            i = end;
        }
        return new TextLayout(styled.getIterator(), g.getFontRenderContext());
    }
}
