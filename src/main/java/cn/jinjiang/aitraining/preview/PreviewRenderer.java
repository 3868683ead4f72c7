package cn.jinjiang.aitraining.preview;

import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the link-preview picture with Java2D: the dashboard's name and up to six key figures, each
 * with its label and period. The fonts come with the jar (Droid Sans Fallback for Chinese, DejaVu Sans
 * for Latin letters and digits), so a server without fonts draws it too and operators install nothing.
 */
public final class PreviewRenderer {
    /** The size link previews ask for (1.91:1). */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    static final int MAX_FIGURES = 6;
    /** Chinese glyphs: Droid Sans Fallback (Apache-2.0); it has no Latin letters or digits. */
    private static final String CJK_FONT = "fonts/DroidSansFallbackFull.ttf";
    /** Latin letters, digits and Western punctuation (“ ” ·): DejaVu Sans (Bitstream Vera licence). */
    private static final String LATIN_FONT = "fonts/DejaVuSans.ttf";
    private static final String LATIN_BOLD_FONT = "fonts/DejaVuSans-Bold.ttf";

    private static final Color INK = new Color(0x1b1f24);
    private static final Color MUTED = new Color(0x4a5563);
    private static final Color ACCENT = new Color(0x0b4f8a);
    private static final Color ACCENT_DARK = new Color(0x083a66);
    private static final Color LINE = new Color(0xd0d5dc);

    private final Font cjk;
    private final Font latin;
    private final Font latinBold;

    public PreviewRenderer() {
        cjk = load(CJK_FONT);
        latin = load(LATIN_FONT);
        latinBold = load(LATIN_BOLD_FONT);
    }

    private static Font load(String resource) {
        try (InputStream in = PreviewRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing font resource " + resource);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + resource, e);
        }
    }

    /** Whether one of the bundled fonts has a glyph for every character of the text. */
    boolean canDraw(String text) {
        return text.codePoints().allMatch(c -> latin.canDisplay(c) || cjk.canDisplay(c));
    }

    /** The Latin font for what it covers below the CJK blocks, the CJK font for the rest. */
    private Font fontFor(int codePoint) {
        return codePoint < 0x2E80 && latin.canDisplay(codePoint) ? latin : cjk;
    }

    /** Writes the picture as PNG. */
    public void write(Lang lang, List<FigureSnapshot> headline, OutputStream out) throws IOException {
        ImageIO.write(render(lang, headline), "png", out);
    }

    BufferedImage render(Lang lang, List<FigureSnapshot> headline) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);

            g.setColor(ACCENT_DARK);
            g.fillRect(0, 0, WIDTH, 120);
            g.setColor(Color.WHITE);
            text(g, Messages.get(lang, "app.title"), 44f, true, 60, 78, WIDTH - 120);

            List<FigureSnapshot> shown = headline.stream().limit(MAX_FIGURES).toList();
            int columns = 3;
            int gap = 24;
            int cellWidth = (WIDTH - 120 - gap * (columns - 1)) / columns;
            int cellHeight = 190;
            for (int i = 0; i < shown.size(); i++) {
                FigureSnapshot f = shown.get(i);
                int x = 60 + (i % columns) * (cellWidth + gap);
                int y = 150 + (i / columns) * (cellHeight + gap);
                g.setColor(LINE);
                g.drawRect(x, y, cellWidth, cellHeight);
                g.setColor(ACCENT);
                g.fillRect(x, y, cellWidth, 6);
                int inner = cellWidth - 36;
                g.setColor(MUTED);
                text(g, f.label(lang), 24f, false, x + 18, y + 50, inner);
                g.setColor(INK);
                value(g, f.display(lang), x + 18, y + 118, inner);
                g.setColor(MUTED);
                text(g, f.latest().period(lang), 22f, false, x + 18, y + 162, inner);
            }
            if (shown.isEmpty()) {
                g.setColor(MUTED);
                text(g, Messages.get(lang, "app.subtitle"), 30f, false, 60, 320, WIDTH - 120);
            }
            g.setColor(MUTED);
            text(g, Messages.get(lang, "preview.footer"), 22f, false, 60, HEIGHT - 28, WIDTH - 120);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws one line of text, each character in the bundled font that has it, at a size that fits the
     * width: smaller down to 60% of the asked size, then cut with an ellipsis (never into the next cell).
     */
    private void text(Graphics2D g, String text, float size, boolean bold, int x, int baseline, int width) {
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

    /**
     * A value in large type; one too long for a line even at 70% of that size ("nearly 9,000
     * attendances") is broken at its last space that fits and drawn on two lines.
     */
    private void value(Graphics2D g, String text, int x, int baseline, int width) {
        float size = 46f;
        float smaller = size * 0.7f;
        int space = text.lastIndexOf(' ');
        while (space > 0 && layout(g, text.substring(0, space), smaller, true).getAdvance() > width) {
            space = text.lastIndexOf(' ', space - 1);
        }
        if (space <= 0 || layout(g, text, smaller, true).getAdvance() <= width) {
            text(g, text, size, true, x, baseline, width);
            return;
        }
        text(g, text.substring(0, space), smaller, true, x, baseline - 24, width);
        text(g, text.substring(space + 1), smaller, true, x, baseline + 8, width);
    }

    private TextLayout layout(Graphics2D g, String text, float size, boolean bold) {
        AttributedString styled = new AttributedString(text);
        int style = bold ? Font.BOLD : Font.PLAIN;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int end = i + Character.charCount(c);
            Font f = fontFor(c);
            while (end < text.length() && fontFor(text.codePointAt(end)) == f) end += Character.charCount(text.codePointAt(end));
            Font styledFont = f == latin && bold ? latinBold.deriveFont(size) : f.deriveFont(style, size);
            styled.addAttribute(TextAttribute.FONT, styledFont, i, end);
            i = end;
        }
        return new TextLayout(styled.getIterator(), g.getFontRenderContext());
    }
}
