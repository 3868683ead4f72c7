package cn.jinjiang.aitraining.admin.extract;

import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigurePrefill;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.extract.Candidate;
import cn.jinjiang.aitraining.extract.FigureExtractor;
import cn.jinjiang.aitraining.extract.Kind;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The extract page's rules, without the web: finds the figures of a pasted text, suggests which
 * existing figure each may update, and turns the ones the admin keeps into pre-filled figure forms.
 * Reads only; every change goes through the figure forms and {@link AdminFigureService}.
 */
public final class ExtractService {
    /** Shown first: the kinds a figure on the dashboard can be. */
    static final List<Kind> MAIN_KINDS = List.of(Kind.COUNT, Kind.MONEY);

    private final AdminFigureService figures;
    private final FigureExtractor extractor;

    public ExtractService(AdminFigureService figures, FigureExtractor extractor) {
        this.figures = figures;
        this.extractor = extractor;
    }

    /** A figure the admin can attach a candidate to. */
    public record FigureOption(String key, String labelZh, String labelEn) {}

    /**
     * One candidate as a table row. {@code before}/{@code mark}/{@code after} are the quote cut
     * around the figure (the page escapes each and marks the middle); {@code pick} is what its
     * checkbox posts; {@code suggested} the key of the figure it most likely updates, or "".
     */
    public record Row(int index, String span, String value, String unit, String qualifier, String kind,
                      String subject, String scope, String date, String before, String mark, String after, String pick,
                      String suggested) {}

    /** Counts and money first; every other kind after them. */
    public record Result(List<Row> main, List<Row> other, List<FigureOption> figures) {
        public int total() { return main.size() + other.size(); }
    }

    /** One kept candidate with its target: where its pre-filled form is, and what it will hold. */
    public record ReviewItem(int index, String span, String kind, String subject, String targetKey,
                             String targetLabelZh, String targetLabelEn, FigurePrefill prefill, String formUrl) {
        public boolean isNew() { return targetKey == null; }
    }

    public Result extract(ExtractForm.Valid form) {
        List<FigureState> current = figures.all().stream().filter(f -> !f.archived()).toList();
        List<Candidate> candidates = extractor.analyse(form.text(), form.date()).candidates();
        List<Row> main = new ArrayList<>();
        List<Row> other = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            boolean isMain = MAIN_KINDS.contains(c.kind());
            Row row = row(i, c, form, isMain ? suggest(c, current) : "");
            (isMain ? main : other).add(row);
        }
        List<FigureOption> options = current.stream()
                .map(f -> new FigureOption(f.key(), f.labelZh(), f.labelEn())).toList();
        return new Result(main, other, options);
    }

    /**
     * The kept candidates (what their checkboxes posted) with the target chosen for each: a figure
     * key, or blank for a new figure. Unknown or archived keys become new figures.
     */
    public List<ReviewItem> review(List<String> picks, IntFunction<String> targetOf) {
        Map<String, FigureState> byKey = new LinkedHashMap<>();
        for (FigureState f : figures.all()) if (!f.archived()) byKey.put(f.key(), f);
        List<ReviewItem> items = new ArrayList<>();
        for (String raw : picks) {
            Optional<Pick> parsed = Pick.parse(raw);
            if (parsed.isEmpty()) continue;
            Pick p = parsed.get();
            String target = targetOf.apply(p.index());
            FigureState f = target == null ? null : byKey.get(target.strip());
            String url = (f == null ? "/admin/figures/new" : "/admin/figures/" + f.key()) + "?" + p.prefill().query();
            items.add(new ReviewItem(p.index(), p.span(), p.kind(), p.subject(), f == null ? null : f.key(),
                    f == null ? null : f.labelZh(), f == null ? null : f.labelEn(), p.prefill(), url));
        }
        items.sort(Comparator.comparingInt(ReviewItem::index));
        return items;
    }

    static Row row(int index, Candidate c, ExtractForm.Valid form, String suggested) {
        String quote = c.quote() == null ? "" : c.quote();
        int s = c.spanStartInQuote();
        int e = c.spanEndInQuote();
        String before;
        String span;
        String after;
        if (s >= 0 && e <= quote.length() && s <= e) {
            before = quote.substring(0, s);
            span = quote.substring(s, e);
            after = quote.substring(e);
        } else { // never expected; show the figure on its own rather than a wrong highlight
            before = "";
            span = c.text();
            after = "";
        }
        String value = c.value() == null ? "" : QuantityFormat.plain(c.value());
        FigurePrefill prefill = prefill(c, form);
        Pick pick = new Pick(index, c.text(), c.kind().label(), nz(c.subject()), prefill);
        return new Row(index, c.text(), value, nz(c.unit()), c.qualifier().code(), c.kind().label(),
                nz(c.subject()), nz(c.scope()), nz(c.date()), before, span, after, pick.encode(), suggested);
    }

    /** What the figure form gets from a candidate: the publication date is both as-of and source date. */
    static FigurePrefill prefill(Candidate c, ExtractForm.Valid form) {
        String date = form.date() == null ? null : form.date().toString();
        return new FigurePrefill(c.value() == null ? null : QuantityFormat.plain(c.value()), c.unit(),
                c.qualifier().code(), qualifierWord(c), c.scope(), date, form.source(), date,
                cut(c.quote(), FigureExtractor.MAX_QUOTE), c.subject());
    }

    /** The source's own qualifier word found in the span (近, 超过, 多 ...), longest first; "" when none. */
    static String qualifierWord(Candidate c) {
        return c.qualifier().words().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .filter(w -> c.text().contains(w)).findFirst()
                .orElse("");
    }

    /**
     * Best effort: the figure whose latest report has the same unit and whose label names the
     * candidate's subject, or whose latest quote states the same span. Blank when nothing fits.
     */
    static String suggest(Candidate c, List<FigureState> figures) {
        String best = "";
        int bestScore = 1;
        String subject = c.subject() == null ? "" : c.subject().strip();
        for (FigureState f : figures) {
            FigureState.ObservationState o = f.latest();
            if (o == null || !o.unit().equals(c.unit())) continue;
            int score = 0;
            if (subject.length() >= 2 && f.labelZh().contains(subject)) score += 2;
            if (o.quote() != null && o.quote().contains(c.text())) score += 2;
            if (subject.length() >= 2 && o.quote() != null && o.quote().contains(subject)) score += 1;
            if (score > bestScore) {
                best = f.key();
                bestScore = score;
            }
        }
        return best;
    }

    static String cut(String s, int maxCodePoints) {
        if (s == null) return null;
        return s.codePointCount(0, s.length()) <= maxCodePoints ? s : s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** What a kept candidate's checkbox posts: its place, span and kind for the review, and its prefill. */
    record Pick(int index, String span, String kind, String subject, FigurePrefill prefill) {
        String encode() {
            Map<String, String> head = new LinkedHashMap<>();
            head.put("i", String.valueOf(index));
            head.put("span", span);
            head.put("kind", kind);
            if (!subject.isEmpty()) head.put("subject", subject);
            return FigurePrefill.encode(head) + "&" + prefill.query();
        }

        static Optional<Pick> parse(String raw) {
            Map<String, String> p = FigurePrefill.decode(raw);
            String i = p.get("i");
            if (i == null || !i.matches("\\d{1,7}")) return Optional.empty();
            Optional<FigurePrefill> prefill = FigurePrefill.from(p::get);
            if (prefill.isEmpty()) return Optional.empty();
            return Optional.of(new Pick(Integer.parseInt(i), p.getOrDefault("span", ""),
                    p.getOrDefault("kind", ""), p.getOrDefault("subject", ""), prefill.get()));
        }
    }
}
