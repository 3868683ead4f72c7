package cn.jinjiang.aitraining.preview;

import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the link-preview picture with Java2D: the dashboard's name and up to six key figures, each
 * with its label and period. The font (Droid Sans Fallback, Apache-2.0, with CJK and Latin glyphs)
 * comes with the jar, so a server without CJK fonts draws Chinese too and operators install nothing.
 */
public final class PreviewRenderer {
    /** The size link previews ask for (1.91:1). */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    static final int MAX_FIGURES = 6;
    private static final String FONT_RESOURCE = "fonts/DroidSansFallbackFull.ttf";

    private static final Color INK = new Color(0x1b1f24);
    private static final Color MUTED = new Color(0x4a5563);
    private static final Color ACCENT = new Color(0x0b4f8a);
    private static final Color ACCENT_DARK = new Color(0x083a66);
    private static final Color LINE = new Color(0xd0d5dc);

    private final Font font;

    public PreviewRenderer() {
        try (InputStream in = PreviewRenderer.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing font resource " + FONT_RESOURCE);
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + FONT_RESOURCE, e);
        }
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
            text(g, Messages.get(lang, "app.title"), font.deriveFont(Font.BOLD, 44f), 60, 78, WIDTH - 120);

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
                text(g, f.label(lang), font.deriveFont(24f), x + 18, y + 50, inner);
                g.setColor(INK);
                text(g, f.display(lang), font.deriveFont(Font.BOLD, 46f), x + 18, y + 118, inner);
                g.setColor(MUTED);
                text(g, f.latest().period(lang), font.deriveFont(22f), x + 18, y + 162, inner);
            }
            if (shown.isEmpty()) {
                g.setColor(MUTED);
                text(g, Messages.get(lang, "app.subtitle"), font.deriveFont(30f), 60, 320, WIDTH - 120);
            }
            g.setColor(MUTED);
            text(g, Messages.get(lang, "preview.footer"), font.deriveFont(22f), 60, HEIGHT - 28, WIDTH - 120);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws one line of text at a font size that fits the width: smaller down to 60% of the asked
     * size, then cut with an ellipsis (never running into the next cell).
     */
    private static void text(Graphics2D g, String text, Font base, int x, int baseline, int width) {
        if (text == null) return;
        Font f = base;
        FontMetrics m = g.getFontMetrics(f);
        while (m.stringWidth(text) > width && f.getSize2D() > base.getSize2D() * 0.6f) {
            f = f.deriveFont(f.getSize2D() - 1f);
            m = g.getFontMetrics(f);
        }
        String shown = text;
        if (m.stringWidth(shown) > width) {
            while (shown.length() > 1 && m.stringWidth(shown + "…") > width) shown = shown.substring(0, shown.length() - 1);
            shown = shown + "…";
        }
        g.setFont(f);
        g.drawString(shown, x, baseline);
    }
}
