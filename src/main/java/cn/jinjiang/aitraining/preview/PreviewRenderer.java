package cn.jinjiang.aitraining.preview;

import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
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
    /**
     * The colours, in a class of their own: {@link Color} loads Java2D's native library when first
     * touched, which belongs to the first image drawn, not to the server's start-up.
     */
    private static final class Palette {
        static final Color INK = new Color(0x1b1f24);
        static final Color MUTED = new Color(0x4a5563);
        static final Color ACCENT = new Color(0x0b4f8a);
        static final Color ACCENT_DARK = new Color(0x083a66);
        static final Color LINE = new Color(0xd0d5dc);
    }

    private final TextPainter painter;

    public PreviewRenderer() {
        this(new TextPainter());
    }

    public PreviewRenderer(TextPainter painter) {
        this.painter = painter;
    }

    /** The painter with the bundled fonts, to share (the Chinese font is large). */
    public TextPainter painter() { return painter; }

    /** Whether one of the bundled fonts has a glyph for every character of the text. */
    boolean canDraw(String text) {
        return painter.canDraw(text);
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

            g.setColor(Palette.ACCENT_DARK);
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
                g.setColor(Palette.LINE);
                g.drawRect(x, y, cellWidth, cellHeight);
                g.setColor(Palette.ACCENT);
                g.fillRect(x, y, cellWidth, 6);
                int inner = cellWidth - 36;
                g.setColor(Palette.MUTED);
                text(g, f.label(lang), 24f, false, x + 18, y + 50, inner);
                g.setColor(Palette.INK);
                value(g, f.display(lang), x + 18, y + 118, inner);
                g.setColor(Palette.MUTED);
                text(g, f.latest().period(lang), 22f, false, x + 18, y + 162, inner);
            }
            if (shown.isEmpty()) {
                g.setColor(Palette.MUTED);
                text(g, Messages.get(lang, "app.subtitle"), 30f, false, 60, 320, WIDTH - 120);
            }
            g.setColor(Palette.MUTED);
            text(g, Messages.get(lang, "preview.footer"), 22f, false, 60, HEIGHT - 28, WIDTH - 120);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void text(Graphics2D g, String text, float size, boolean bold, int x, int baseline, int width) {
        painter.line(g, text, size, bold, x, baseline, width);
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
        return painter.layout(g, text, size, bold);
    }
}
