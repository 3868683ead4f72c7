package cn.jinjiang.aitraining.admin.extract;

import cn.jinjiang.aitraining.admin.events.AdminEventService;
import cn.jinjiang.aitraining.admin.events.EventChange;
import cn.jinjiang.aitraining.admin.events.EventState;
import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.admin.figures.FigureConflict;
import cn.jinjiang.aitraining.admin.figures.FigurePrefill;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.extract.Candidate;
import cn.jinjiang.aitraining.extract.FigureExtractor;
import cn.jinjiang.aitraining.extract.FigureSuggester;
import cn.jinjiang.aitraining.extract.Kind;
import cn.jinjiang.aitraining.extract.PeriodRules;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.suggest.KnownFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The extract page's rules, without the web: finds the figures of a pasted text, suggests which
 * existing figure each may update ({@link FigureSuggester}, the rule {@code extract --db} uses too),
 * builds the one review form of everything ticked, and applies it in one transaction.
 */
public final class ExtractService {
    /** Shown first: the kinds a figure on the dashboard can be. */
    static final List<Kind> MAIN_KINDS = List.of(Kind.COUNT, Kind.MONEY);
    /**
     * At most this many candidates are listed (in text order): a text of "1," × 100,000 would
     * otherwise make a page of hundreds of megabytes. The page says when more were found.
     */
    public static final int MAX_CANDIDATES = 500;

    private final Jdbi jdbi;
    private final AdminFigureDao figureDao;
    private final AdminFigureService figures;
    private final AdminEventService events;
    private final FigureExtractor extractor;
    private final Clock clock;
    private final ReviewSubmissions submissions = new ReviewSubmissions();

    public ExtractService(Jdbi jdbi, AdminFigureDao figureDao, AdminFigureService figures, AdminEventService events,
                          FigureExtractor extractor, Clock clock) {
        this.jdbi = jdbi;
        this.figureDao = figureDao;
        this.figures = figures;
        this.events = events;
        this.extractor = extractor;
        this.clock = clock;
    }

    /** A figure the admin can attach a candidate to (listed once per page, in a datalist). */
    public record FigureOption(String key, String labelZh, String labelEn) {}

    /**
     * One candidate as a table row. {@code before}/{@code mark}/{@code after} are the quote cut
     * around the figure (the page escapes each and marks the middle); {@code pick} is what its
     * checkbox posts; {@code suggested} the key of the figure it most likely updates, or "", with
     * the reason in both languages and the confidence; {@code periodZh}/{@code periodEn} its period
     * normalised against the report's date; {@code flags} future, rate, period-unrecognised.
     */
    public record Row(int index, String span, String value, String unit, String qualifier, String kind,
                      String subject, String scope, String date, String before, String mark, String after, String pick,
                      String suggested, int confidence, String reasonZh, String reasonEn, String periodZh,
                      String periodEn, List<String> flags) {}

    /** Counts and money first; every other kind after them; {@code found} counts every candidate, listed or not. */
    public record Result(List<Row> main, List<Row> other, List<FigureOption> figures, int found) {
        public int total() { return main.size() + other.size(); }
        public boolean capped() { return found > total(); }
    }

    public Result extract(ExtractForm.Valid form) {
        List<FigureState> current = figures.all().stream().filter(f -> !f.archived()).toList();
        FigureSuggester suggester = new FigureSuggester(KnownFigures.of(current));
        List<Candidate> candidates = extractor.analyse(form.text(), form.date()).candidates();
        List<Row> main = new ArrayList<>();
        List<Row> other = new ArrayList<>();
        int shown = Math.min(candidates.size(), MAX_CANDIDATES);
        for (int i = 0; i < shown; i++) {
            Candidate c = candidates.get(i);
            Row row = row(i, c, form, suggester.suggest(c, form.date()));
            (MAIN_KINDS.contains(c.kind()) ? main : other).add(row);
        }
        List<FigureOption> options = current.stream()
                .map(f -> new FigureOption(f.key(), f.labelZh(), f.labelEn())).toList();
        return new Result(main, other, options, candidates.size());
    }

    /** The key {@link FigureSuggester} picks for {@code c} among {@code figures}, or "" for a new figure. */
    static String suggest(Candidate c, List<FigureState> figures) {
        String key = new FigureSuggester(KnownFigures.of(figures)).suggest(c, null).figureKey();
        return key == null ? "" : key;
    }

    static Row row(int index, Candidate c, ExtractForm.Valid form, String suggested) {
        PeriodRules.Period stated = FigureSuggester.statedPeriod(c, form.date());
        return row(index, c, form, new FigureSuggester.Suggestion(suggested.isEmpty() ? null : suggested, 0, "", "",
                stated, FigureSuggester.flags(c, stated)));
    }

    static Row row(int index, Candidate c, ExtractForm.Valid form, FigureSuggester.Suggestion s) {
        String quote = c.quote() == null ? "" : c.quote();
        int st = c.spanStartInQuote();
        int e = c.spanEndInQuote();
        String before;
        String span;
        String after;
        if (st >= 0 && e <= quote.length() && st <= e) {
            before = quote.substring(0, st);
            span = quote.substring(st, e);
            after = quote.substring(e);
        } else { // never expected; show the figure on its own rather than a wrong highlight
            before = "";
            span = c.text();
            after = "";
        }
        String value = c.value() == null ? "" : QuantityFormat.plain(c.value());
        FigurePrefill prefill = prefill(c, form);
        PeriodRules.Period stated = FigureSuggester.statedPeriod(c, form.date());
        Pick pick = new Pick(index, c.text(), c.kind().label(), nz(c.subject()), prefill, stated, s.flags(), nz(c.date()));
        return new Row(index, c.text(), value, nz(c.unit()), c.qualifier().code(), c.kind().label(),
                nz(c.subject()), nz(c.scope()), nz(c.date()), before, span, after, pick.encode(),
                s.figureKey() == null ? "" : s.figureKey(), s.confidence(), s.reasonZh(), s.reasonEn(),
                nz(s.period().zh()), nz(s.period().en()), s.flags());
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

    // ---- the review form and its one transaction ----

    /** The figures not archived, by key, as the review and the apply step read them. */
    Map<String, FigureState> currentFigures() {
        Map<String, FigureState> byKey = new LinkedHashMap<>();
        for (FigureState f : figures.all()) if (!f.archived()) byKey.put(f.key(), f);
        return byKey;
    }

    /** Whether an event with this key exists (archived ones included). */
    boolean eventExists(String key) {
        return events.state(key).isPresent();
    }

    /**
     * The one review form of the ticked candidates, each with the target typed or suggested for it,
     * and the one-time token {@code submission}: saving the form twice saves once.
     */
    public ReviewForm review(List<String> picks, IntFunction<String> targetOf, String submission) {
        return ReviewForm.fromPicks(picks, targetOf::apply, currentFigures(), submission);
    }

    /** A fresh one-time token (the extract page's pick form carries one into its review). */
    String newToken() {
        return submissions.newToken();
    }

    /** What the review saved with {@code token} wrote, as the figures and events are now; empty when none did. */
    public Optional<Saved> saved(String token) {
        if (!ReviewSubmissions.wellFormed(token)) return Optional.empty();
        return jdbi.withHandle(h -> submissions.find(h, token).map(s -> new Saved(
                s.created().stream().map(k -> figureDao.figure(h, k)).flatMap(Optional::stream).toList(),
                s.reported().stream().map(k -> figureDao.figure(h, k)).flatMap(Optional::stream).toList(),
                s.events().stream().map(events::state).flatMap(Optional::stream).toList())));
    }

    /** The review form as posted, checked against the figures as they are now. */
    public ReviewForm.Checked check(List<String> rows, Function<String, String> param, LocalDate today, Lang lang) {
        Map<String, FigureState> current = currentFigures();
        return ReviewForm.read(rows, param, current).check(today, lang, current, this::eventExists);
    }

    /**
     * Applies a checked form's changes: all in one transaction, or none. The transaction first
     * claims the form's one-time token: when a save of this form already claimed it, nothing is
     * written and {@link AlreadySaved} says so.
     */
    public Saved apply(String token, ReviewForm.Changes changes, String username) {
        if (!ReviewSubmissions.wellFormed(token)) throw new IllegalArgumentException("a review is saved with its token");
        return jdbi.inTransaction(h -> {
            if (!submissions.claim(h, token, username, clock.millis())) throw new AlreadySaved(token);
            Saved saved = apply(h, changes.reports(), changes.creations(), changes.events(), username);
            submissions.record(h, token, saved.reported().stream().map(FigureState::key).toList(),
                    saved.created().stream().map(FigureState::key).toList(),
                    saved.events().stream().map(EventState::key).toList());
            return saved;
        });
    }

    /** What one transaction saved: figures (created or reported) and events created. */
    public record Saved(List<FigureState> created, List<FigureState> reported, List<EventState> events) {}

    /**
     * Applies every row in one transaction, or none: the reports of existing figures (each
     * refused with a conflict when the figure moved on since the review was read), the new figures
     * and the new events, each with its audit entry.
     */
    public Saved apply(List<FigureChange> reports, List<FigureChange> creations, List<EventChange> newEvents,
                       String username) {
        return jdbi.inTransaction(h -> apply(h, reports, creations, newEvents, username));
    }

    private Saved apply(Handle h, List<FigureChange> reports, List<FigureChange> creations, List<EventChange> newEvents,
                        String username) {
        List<FigureState> reported = new ArrayList<>();
        for (FigureChange c : reports) {
            FigureState before = figureDao.figure(h, c.key()).orElseThrow(() -> new FigureConflict(null));
            reported.add(figures.apply(h, before, c, c.mode().code(), username));
        }
        List<FigureState> created = new ArrayList<>();
        for (FigureChange c : creations) created.add(figures.create(h, c, "create", username));
        List<EventState> made = new ArrayList<>();
        for (EventChange e : newEvents) made.add(events.create(h, e, "create", username));
        return new Saved(created, reported, made);
    }

    static String cut(String s, int maxCodePoints) {
        if (s == null) return null;
        return s.codePointCount(0, s.length()) <= maxCodePoints ? s : s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * What a kept candidate's checkbox posts: its place, span and kind, its stated period
     * (normalised) and flags, and its prefill. Only read to build the review form.
     */
    record Pick(int index, String span, String kind, String subject, FigurePrefill prefill, PeriodRules.Period stated,
                List<String> flags, String date) {
        String encode() {
            Map<String, String> head = new LinkedHashMap<>();
            head.put("i", String.valueOf(index));
            head.put("span", span);
            head.put("kind", kind);
            if (!subject.isEmpty()) head.put("subject", subject);
            head.put("ps", stated.status().name());
            if (stated.zh() != null && !stated.zh().isEmpty()) head.put("pz", stated.zh());
            if (stated.en() != null) head.put("pe", stated.en());
            if (!flags.isEmpty()) head.put("flags", String.join(",", flags));
            if (!date.isEmpty()) head.put("date", date);
            return FigurePrefill.encode(head) + "&" + prefill.query();
        }

        static Optional<Pick> parse(String raw) {
            Map<String, String> p = FigurePrefill.decode(raw);
            String i = p.get("i");
            if (i == null || !i.matches("\\d{1,7}")) return Optional.empty();
            Optional<FigurePrefill> prefill = FigurePrefill.from(p::get);
            if (prefill.isEmpty()) return Optional.empty();
            PeriodRules.Status status;
            try {
                status = PeriodRules.Status.valueOf(p.getOrDefault("ps", "NOT_STATED"));
            } catch (IllegalArgumentException e) {
                status = PeriodRules.Status.NOT_STATED;
            }
            String flags = p.getOrDefault("flags", "");
            return Optional.of(new Pick(Integer.parseInt(i), p.getOrDefault("span", ""),
                    p.getOrDefault("kind", ""), p.getOrDefault("subject", ""), prefill.get(),
                    new PeriodRules.Period(p.getOrDefault("pz", ""), p.get("pe"), status),
                    flags.isEmpty() ? List.of() : List.of(flags.split(",")), p.getOrDefault("date", "")));
        }
    }
}
