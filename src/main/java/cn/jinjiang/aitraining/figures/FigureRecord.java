package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.changes.ChangeKind;
import cn.jinjiang.aitraining.changes.PublicChange;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A figure page's reports and corrections, in the order they happened: each value of the history
 * as a report (on its as-of date, with the note its change was published with), and each
 * correction of a value on the day it was made, marked 更正 / Correction with the value it
 * replaced and its public note. Read from the public record ({@code changes.ChangeLog}); values
 * from before any change was recorded (the curated data) are reports without a note.
 */
public final class FigureRecord {
    private FigureRecord() {}

    /** One line: a report (with its history entry) or a correction (with its change). */
    public record Line(LocalDate date, HistoryEntry report, PublicChange change) {
        public boolean isCorrection() { return report == null; }

        public String kindKey() { return isCorrection() ? ChangeKind.CORRECTION.messageKey() : "figure.record.report"; }

        public String dateText(Lang lang) { return DateFormat.format(lang, date); }

        public String value(Lang lang) { return isCorrection() ? change.value(lang) : report.display(lang); }

        /** The value a correction replaced; null for a report, or when the value itself stayed. */
        public String replaced(Lang lang) { return isCorrection() ? change.replaced(lang) : null; }

        /** The note published with the change; null when there is none. */
        public String note() { return change != null && change.hasNote() ? change.publicNote() : null; }

        /** Where a report's value comes from; null for a correction. */
        public String source(Lang lang) { return isCorrection() ? null : report.source().citation(lang); }

        public String anchor() { return change == null ? null : change.anchor(); }
    }

    /** The lines of a figure with this history (oldest first) and these changes (oldest first). */
    public static List<Line> of(List<HistoryEntry> history, List<PublicChange> changes) {
        List<Line> lines = new ArrayList<>();
        for (HistoryEntry h : history) {
            PublicChange reported = null;
            for (PublicChange c : changes) {
                boolean addedIt = c.kind() == ChangeKind.REPORT || c.kind() == ChangeKind.NEW;
                if (addedIt && Long.valueOf(h.observation().id()).equals(c.subject().observationId())) reported = c;
            }
            lines.add(new Line(h.observation().asOf(), h, reported));
        }
        for (PublicChange c : changes) {
            if (c.kind() == ChangeKind.CORRECTION) lines.add(new Line(c.date(), null, c));
        }
        // Stable: reports keep the history's order, corrections their own; on one day the report comes first.
        lines.sort(Comparator.comparing(Line::date).thenComparing(Line::isCorrection));
        return lines;
    }
}
