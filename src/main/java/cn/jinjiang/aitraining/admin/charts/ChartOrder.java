package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.charts.Chart;
import cn.jinjiang.aitraining.charts.ChartDefinition;
import cn.jinjiang.aitraining.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** The order of the admin's chart list: its rows, a move up or down, and the fingerprint that locks it. */
final class ChartOrder {
    private ChartOrder() {}

    /** One row of the list: the chart, and whether it can move up or down among the charts shown. */
    record Row(Chart chart, String title, boolean canMoveUp, boolean canMoveDown) {}

    static Row row(List<Chart> all, int i, Lang lang) {
        Chart c = all.get(i);
        boolean up = !c.archived() && i > 0 && !all.get(i - 1).archived();
        boolean down = !c.archived() && i + 1 < all.size() && !all.get(i + 1).archived();
        return new Row(c, c.titleTemplate(lang), up, down);
    }

    /** The fingerprint of the list's order (slugs and positions) as the page showed it. */
    static long version(List<Chart> all) {
        CRC32 crc = new CRC32();
        for (Chart c : all) crc.update((c.slug() + ":" + c.position() + ":" + c.archived() + ",").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * The slugs in their new order after {@code move} ("up:slug" or "down:slug") swapped a shown
     * chart with its neighbour; null when the move names no chart that can move that way.
     */
    static List<String> moved(List<Chart> all, String move) {
        if (move == null) return null;
        int colon = move.indexOf(':');
        if (colon < 0) return null;
        String direction = move.substring(0, colon);
        String slug = move.substring(colon + 1);
        List<String> slugs = new ArrayList<>(all.stream().map(Chart::slug).toList());
        int i = slugs.indexOf(slug);
        if (i < 0) return null;
        Row row = row(all, i, Lang.ZH);
        if (direction.equals("up") && row.canMoveUp()) {
            slugs.add(i - 1, slugs.remove(i));
        } else if (direction.equals("down") && row.canMoveDown()) {
            slugs.add(i + 1, slugs.remove(i));
        } else {
            return null;
        }
        return slugs;
    }

    /** A checked definition as a chart that is not saved (for the preview). */
    static Chart unsaved(ChartDefinition d) {
        return new Chart(d.slug(), d.type().code(), d.figures(), d.eventKinds(), d.titleZh(), d.titleEn(),
                d.captionZh(), d.captionEn(), d.noteZh(), d.noteEn(), d.position(), false, 0);
    }
}
