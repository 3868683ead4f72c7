package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.HistoryEntry;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.preview.TextPainter;
import cn.jinjiang.aitraining.preview.TextPainter.Align;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A chart's PNG download, drawn on the server with Java2D at twice its size (for sharp print and
 * high-density screens): the title that states the finding, the caption, the chart, the qualifier
 * key, the sources, the date of the data and the dashboard's name, so the picture carries its
 * provenance wherever it is pasted. Same bundled fonts as the link preview ({@link TextPainter}).
 */
public final class ChartImage {
    /** The picture's width in CSS pixels; it is drawn at {@link #SCALE} times that. */
    public static final int WIDTH = 800;
    public static final int SCALE = 2;
    static final int MARGIN = 32;
    static final int PLOT_HEIGHT = 300;
    static final int NUMBER_HEIGHT = 170;
    /** Where the first line of the title sits (its baseline), in CSS pixels from the top. */
    public static final int TITLE_BASELINE = MARGIN + 24;

    /**
     * The colours, in a class of their own: {@link Color} loads Java2D's native library when first
     * touched, which belongs to the first image drawn, not to the server's start-up.
     */
    private static final class Palette {
        static final Color INK = new Color(0x1b1f24);
        static final Color MUTED = new Color(0x4a5563);
        static final Color ACCENT = new Color(0x0b4f8a);
        static final Color QUALIFIED = new Color(0x6f9cc4);
        static final Color GRID = new Color(0xd0d5dc);
        static final Color[] SERIES = {new Color(0x0b4f8a), new Color(0xb35806), new Color(0x1b7837),
                new Color(0x762a83), new Color(0x4d4d4d), new Color(0xc51b7d)};
    }

    private final TextPainter text;

    public ChartImage(TextPainter text) {
        this.text = text;
    }

    public void write(ChartData d, Lang lang, SiteSettings site, String pageUrl, OutputStream out) throws IOException {
        ImageIO.write(render(d, lang, site, pageUrl), "png", out);
    }

    BufferedImage render(ChartData d, Lang lang, SiteSettings site, String pageUrl) {
        // Measure first (the texts wrap), then draw on an image of exactly that height.
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = prepare(scratch.createGraphics());
        int height = (int) Math.ceil(layout(measure, d, lang, site, pageUrl, false));
        measure.dispose();
        BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = prepare(image.createGraphics());
        try {
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            layout(g, d, lang, site, pageUrl, true);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Graphics2D prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Lays the picture out from the top; draws when {@code draw}; returns the height used. */
    private float layout(Graphics2D g, ChartData d, Lang lang, SiteSettings site, String pageUrl, boolean draw) {
        float inner = WIDTH - 2 * MARGIN;
        float y = MARGIN;
        y = paragraph(g, ChartViews.title(d, lang), 22f, true, Palette.INK, y + 24 - 22, 30, inner, lang, draw, 3);
        y = paragraph(g, d.chart().caption(lang), 14f, false, Palette.MUTED, y + 6, 20, inner, lang, draw, 4);
        String note = d.chart().note(lang);
        if (note != null) y = paragraph(g, note, 14f, false, Palette.MUTED, y, 20, inner, lang, draw, 3);
        y += 12;
        float plot = d.type() == ChartType.NUMBER ? NUMBER_HEIGHT : PLOT_HEIGHT;
        if (draw) {
            switch (d.type()) {
                case HBAR -> hbar(g, d, lang, MARGIN, y, inner, plot);
                case VBAR -> vbar(g, d, lang, MARGIN, y, inner, plot);
                case LINE -> line(g, d, lang, MARGIN, y, inner, plot);
                case TIMELINE -> timeline(g, d, lang, MARGIN, y, inner, plot);
                case NUMBER -> number(g, d, lang, MARGIN, y, inner);
            }
        }
        y += plot + 16;
        if (draw) {
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Float(MARGIN, y - 8, WIDTH - MARGIN, y - 8));
        }
        y = paragraph(g, Messages.get(lang, "chart.marks"), 12f, false, Palette.MUTED, y, 18, inner, lang, draw, 2);
        y = paragraph(g, ChartViews.sourceLine(lang, d.sources()), 12f, false, Palette.MUTED, y, 18, inner, lang, draw, 4);
        String updated = ChartViews.lastUpdated(lang, d.lastUpdated());
        if (!updated.isEmpty()) y = paragraph(g, updated, 12f, false, Palette.MUTED, y, 18, inner, lang, draw, 1);
        y = paragraph(g, Messages.get(lang, "chart.png.site", site.title(lang)) + " · " + pageUrl, 12f, true, Palette.INK,
                y, 18, inner, lang, draw, 2);
        return y + MARGIN - 8;
    }

    /** Wrapped lines starting at {@code top}; returns the y below them. */
    private float paragraph(Graphics2D g, String s, float size, boolean bold, Color colour, float top, float lineHeight,
                            float width, Lang lang, boolean draw, int maxLines) {
        if (s == null || s.isBlank()) return top;
        List<String> lines = text.wrap(g, s, size, bold, width, lang.locale());
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, kept.get(maxLines - 1) + String.join("", lines.subList(maxLines, lines.size())));
            lines = kept;
        }
        float y = top;
        for (String l : lines) {
            y += lineHeight;
            if (draw) {
                g.setColor(colour);
                text.line(g, l, size, bold, MARGIN, y - (lineHeight - size) / 2 - 2, width);
            }
        }
        return y;
    }

    private void hbar(Graphics2D g, ChartData d, Lang lang, float x, float y, float width, float height) {
        List<FigureSnapshot> shown = d.figures();
        float labelWidth = width * 0.36f;
        float barLeft = x + labelWidth + 10;
        float barSpace = width - labelWidth - 10 - 90;
        double max = shown.stream().mapToDouble(f -> f.quantity().value().doubleValue()).max().orElse(1);
        float row = height / Math.max(1, shown.size());
        float bar = Math.min(34, row * 0.6f);
        for (int i = 0; i < shown.size(); i++) {
            FigureSnapshot f = shown.get(i);
            float centre = y + row * i + row / 2;
            List<String> lines = ChartLabels.wrap(f.label(lang));
            g.setColor(Palette.INK);
            for (int l = 0; l < lines.size(); l++) {
                float baseline = centre + 5 + (l - (lines.size() - 1) / 2f) * 16;
                text.line(g, lines.get(l), 13f, false, x, baseline, labelWidth);
            }
            float length = (float) (max <= 0 ? 0 : f.quantity().value().doubleValue() / max * barSpace);
            g.setColor(f.quantity().qualifier().mark().isEmpty() ? Palette.ACCENT : Palette.QUALIFIED);
            g.fill(new Rectangle2D.Float(barLeft, centre - bar / 2, Math.max(1, length), bar));
            g.setColor(Palette.INK);
            text.draw(g, ChartViews.valueLabel(lang, f.quantity()), 13f, true, barLeft + length + 6, centre + 5, Align.LEFT);
        }
        g.setColor(Palette.GRID);
        g.draw(new Line2D.Float(barLeft, y, barLeft, y + height));
    }

    private void vbar(Graphics2D g, ChartData d, Lang lang, float x, float y, float width, float height) {
        List<FigureSnapshot> shown = d.figures();
        float labelSpace = 40;
        float plotTop = y + 22;
        float plotBottom = y + height - labelSpace;
        double max = shown.stream().mapToDouble(f -> f.quantity().value().doubleValue()).max().orElse(1);
        float column = width / Math.max(1, shown.size());
        float bar = Math.min(70, column * 0.6f);
        for (int i = 0; i < shown.size(); i++) {
            FigureSnapshot f = shown.get(i);
            float centre = x + column * i + column / 2;
            float length = (float) (max <= 0 ? 0 : f.quantity().value().doubleValue() / max * (plotBottom - plotTop));
            g.setColor(f.quantity().qualifier().mark().isEmpty() ? Palette.ACCENT : Palette.QUALIFIED);
            g.fill(new Rectangle2D.Float(centre - bar / 2, plotBottom - length, bar, Math.max(1, length)));
            g.setColor(Palette.INK);
            text.draw(g, ChartViews.valueLabel(lang, f.quantity()), 13f, true, centre, plotBottom - length - 6, Align.CENTER);
            List<String> lines = ChartLabels.wrap(f.label(lang), Math.max(8, (int) (column / 7)), 2);
            for (int l = 0; l < lines.size(); l++) {
                text.line(g, lines.get(l), 12f, false, centre - column / 2 + 4, plotBottom + 16 + l * 15, column - 8);
            }
        }
        g.setColor(Palette.GRID);
        g.draw(new Line2D.Float(x, plotBottom, x + width, plotBottom));
    }

    private void line(Graphics2D g, ChartData d, Lang lang, float x, float y, float width, float height) {
        List<FigureSnapshot> shown = d.figures();
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        double max = 0;
        for (FigureSnapshot f : shown) {
            for (HistoryEntry h : d.history(f.key())) {
                minDay = Math.min(minDay, h.observation().asOf().toEpochDay());
                maxDay = Math.max(maxDay, h.observation().asOf().toEpochDay());
                max = Math.max(max, h.observation().value().doubleValue());
            }
        }
        if (minDay == Long.MAX_VALUE) return;
        if (maxDay == minDay) { minDay -= 15; maxDay += 15; }
        float legend = 22 * shown.size();
        float left = x + 12;
        float right = x + width - 12;
        float top = y + 24;
        float bottom = y + height - 26 - legend;
        g.setColor(Palette.GRID);
        g.draw(new Line2D.Float(left, bottom, right, bottom));
        for (int s = 0; s < shown.size(); s++) {
            FigureSnapshot f = shown.get(s);
            Color colour = Palette.SERIES[s % Palette.SERIES.length];
            HistoryEntry previous = null;
            float px = 0;
            float py = 0;
            for (HistoryEntry h : d.history(f.key())) {
                float cx = left + (float) (h.observation().asOf().toEpochDay() - minDay) / (maxDay - minDay) * (right - left);
                float cy = (float) (bottom - (max <= 0 ? 0 : h.observation().value().doubleValue() / max) * (bottom - top));
                boolean joined = previous != null
                        && java.util.Objects.equals(previous.observation().periodZh(), h.observation().periodZh());
                g.setColor(colour);
                if (joined) {
                    g.setStroke(new BasicStroke(2.5f));
                    g.draw(new Line2D.Float(px, py, cx, cy));
                    g.setStroke(new BasicStroke(1f));
                }
                g.fill(new Ellipse2D.Float(cx - 4, cy - 4, 8, 8));
                g.setColor(Palette.INK);
                Align align = cx - left < 40 ? Align.LEFT : right - cx < 40 ? Align.RIGHT : Align.CENTER;
                text.draw(g, ChartViews.valueLabel(lang, h.observation().quantity()), 11f, true, cx, cy - 8, align);
                text.draw(g, h.observation().asOfText(lang), 10f, false, cx, bottom + 14, align);
                previous = h;
                px = cx;
                py = cy;
            }
            g.setColor(colour);
            g.fill(new Rectangle2D.Float(left, bottom + 26 + s * 22, 14, 4));
            g.setColor(Palette.INK);
            boolean broken = false;
            List<HistoryEntry> h = d.history(f.key());
            for (int i = 1; i < h.size(); i++) {
                broken |= !java.util.Objects.equals(h.get(i - 1).observation().periodZh(), h.get(i).observation().periodZh());
            }
            String name = broken ? Messages.get(lang, "chart.line.legend_break", f.label(lang)) : f.label(lang);
            text.line(g, name, 12f, false, left + 20, bottom + 32 + s * 22, right - left - 20);
        }
    }

    private void timeline(Graphics2D g, ChartData d, Lang lang, float x, float y, float width, float height) {
        List<EventSnapshot> events = d.events();
        if (events.isEmpty()) return;
        long minDay = events.get(0).event().date().toEpochDay() - 10;
        long maxDay = events.get(events.size() - 1).event().date().toEpochDay() + 10;
        float left = x + 8;
        float right = x + width - 8;
        float axis = y + height / 2;
        g.setColor(Palette.GRID);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Float(left, axis, right, axis));
        g.setStroke(new BasicStroke(1f));
        // Labels alternate above and below the axis; one that would overlap its neighbour on the same
        // side, or run off the picture, is left out (the table on the page lists every event).
        float[] lastEnd = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float labelWidth = Math.min(220, (right - left) / 2.5f);
        for (int i = 0; i < events.size(); i++) {
            EventSnapshot e = events.get(i);
            float cx = left + (float) (e.event().date().toEpochDay() - minDay) / (maxDay - minDay) * (right - left);
            g.setColor(Palette.ACCENT);
            g.fill(new Ellipse2D.Float(cx - 6, axis - 6, 12, 12));
            int side = i % 2;
            float start = Math.max(left, Math.min(cx - labelWidth / 2, right - labelWidth));
            if (start < lastEnd[side] + 12) continue;
            lastEnd[side] = start + labelWidth;
            List<String> title = text.wrap(g, e.event().title(lang), 11f, false, labelWidth, lang.locale());
            if (title.size() > 2) {
                title = List.of(title.get(0), String.join("", title.subList(1, title.size())));
            }
            float block = 16 + 14 * title.size();
            float top = side == 0 ? axis - 16 - block : axis + 16;
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Float(cx, side == 0 ? top + block + 2 : axis + 6, cx, side == 0 ? axis - 6 : top - 2));
            g.setColor(Palette.INK);
            text.line(g, e.dateText(lang), 12f, true, start, top + 12, labelWidth);
            g.setColor(Palette.MUTED);
            for (int l = 0; l < title.size(); l++) {
                text.line(g, title.get(l), 11f, false, start, top + 28 + l * 14, labelWidth);
            }
        }
    }

    private void number(Graphics2D g, ChartData d, Lang lang, float x, float y, float width) {
        FigureSnapshot f = d.figures().get(0);
        List<HistoryEntry> h = d.history(f.key());
        String change = h.size() > 1 ? ChartViews.change(lang, h.get(h.size() - 2), h.get(h.size() - 1))
                : Messages.get(lang, "chart.number.first");
        g.setColor(Palette.MUTED);
        text.line(g, f.label(lang), 16f, false, x, y + 24, width);
        g.setColor(Palette.INK);
        text.line(g, f.display(lang), 44f, true, x, y + 84, width);
        g.setColor(Palette.MUTED);
        text.line(g, f.latest().period(lang), 14f, false, x, y + 112, width);
        g.setColor(Palette.INK);
        text.line(g, change, 15f, false, x, y + 144, width);
    }
}
