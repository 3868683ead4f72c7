package cn.jinjiang.aitraining.admin.extract;

import cn.jinjiang.aitraining.admin.events.EventChange;
import cn.jinjiang.aitraining.admin.events.EventFields;
import cn.jinjiang.aitraining.admin.events.EventForm;
import cn.jinjiang.aitraining.admin.figures.FigureChange;
import cn.jinjiang.aitraining.admin.figures.FigureFields;
import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.extract.FigureSuggester;
import cn.jinjiang.aitraining.extract.PeriodRules;
import cn.jinjiang.aitraining.extract.UnitRules;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.suggest.KnownFigures;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.values.UnusualChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one review form of everything ticked on the extract page: a row per picked number (a report
 * of an existing figure, or a new figure with its names) or date (a new event), the source once
 * for all and one reason. Field names are {@code <field>_<row index>}; what the form posts is read
 * back exactly as typed, checked row by row with the figure and event forms' own rules, and only
 * then turned into changes. Nothing here saves.
 */
public record ReviewForm(List<Item> items, Map<String, String> shared, Map<String, String> sharedErrors,
                         boolean confirmed, String submission) {
    /** The hidden field carrying the review's one-time token ({@link ReviewSubmissions}). */
    public static final String SUBMISSION_FIELD = "submission";
    public static final String FIGURE = "figure";
    public static final String EVENT = "event";
    /** The fields of a figure row, in the order the page shows them. */
    public static final List<String> FIGURE_FIELDS = List.of("key", "label_zh", "label_en", "category", "value", "unit",
            "unit_en", "qualifier", "qualifier_word", "period", "period_en", "as_of", "quote");
    /** The fields of an event row. */
    public static final List<String> EVENT_FIELDS = List.of("key", "date", "title_zh", "title_en", "kind", "quote");
    public static final List<String> SHARED_FIELDS = List.of("source", "source_date", "source_headline", "source_author",
            "reason", FigureFields.PUBLIC_NOTE);
    /** The English fields: Han characters there are refused (an English card must never read "今年以来"). */
    static final Set<String> ENGLISH_FIELDS = Set.of("label_en", "unit_en", "period_en", "title_en");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /**
     * One row. {@code values} holds the row's fields as typed; {@code errors} their messages in
     * the page's language; {@code warnings} what is unusual about its value.
     */
    public record Item(int index, String type, String span, String subject, String targetKey, String targetLabelZh,
                       String targetLabelEn, String version, List<String> flags, String formUrl,
                       Map<String, String> values, Map<String, String> errors, List<String> warnings) {
        public boolean isEvent() { return EVENT.equals(type); }
        public boolean isNew() { return targetKey == null || targetKey.isEmpty(); }
        public String value(String field) { return values.getOrDefault(field, ""); }
        public String id(String field) { return field + "_" + index; }
        public boolean hasError(String field) { return errors.containsKey(field); }
        public List<String> fields() {
            if (isEvent()) return EVENT_FIELDS;
            if (isNew()) return FIGURE_FIELDS;
            // a report of an existing figure keeps its names, category and English unit
            return FIGURE_FIELDS.stream().filter(f -> !f.equals("key") && !f.equals("category")
                    && !f.equals("label_zh") && !f.equals("label_en") && !f.equals("unit_en")).toList();
        }
    }

    /** The changes a checked form makes, in one transaction. */
    public record Changes(List<FigureChange> reports, List<FigureChange> creations, List<EventChange> events) {}

    /** The same form with another one-time token. */
    public ReviewForm withSubmission(String token) {
        return new ReviewForm(items, shared, sharedErrors, confirmed, token);
    }

    public boolean hasErrors() {
        return !sharedErrors.isEmpty() || items.stream().anyMatch(i -> !i.errors().isEmpty());
    }

    public boolean hasWarnings() {
        return items.stream().anyMatch(i -> !i.warnings().isEmpty());
    }

    /** Every error for the summary at the top: anchor id → "112场 · 名称（英文）：请填写此项。". */
    public Map<String, String> summary(Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        sharedErrors.forEach((field, message) -> out.put(field, label(lang, field) + sep(lang) + message));
        for (Item i : items) {
            i.errors().forEach((field, message) -> out.put(i.id(field),
                    Messages.get(lang, "extract.apply.field_error", i.span(), label(lang, field), message)));
        }
        return out;
    }

    private static String label(Lang lang, String field) {
        return Messages.get(lang, "admin.field." + field);
    }

    private static String sep(Lang lang) {
        return lang.isZh() ? "：" : ": ";
    }

    // ---- building the form from the ticked candidates ----

    /** The form for the ticked candidates, each with the target chosen on the extract page. */
    static ReviewForm fromPicks(List<String> rawPicks, Function<Integer, String> targetOf,
                                Map<String, FigureState> figures, String submission) {
        List<ExtractService.Pick> picks = new ArrayList<>();
        for (String raw : rawPicks) ExtractService.Pick.parse(raw).ifPresent(picks::add);
        picks.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<Item> items = new ArrayList<>();
        Map<String, String> shared = new LinkedHashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (ExtractService.Pick p : picks) {
            if (!seen.add(p.index())) continue;
            if (shared.isEmpty()) {
                shared.put("source", nz(p.prefill().source()));
                shared.put("source_date", nz(p.prefill().sourceDate()));
                shared.put("source_headline", "");
                shared.put("source_author", "");
                shared.put("reason", "");
                shared.put(FigureFields.PUBLIC_NOTE, "");
            }
            items.add("date".equals(p.kind()) ? eventItem(p) : figureItem(p, targetOf.apply(p.index()), figures));
        }
        if (shared.isEmpty()) SHARED_FIELDS.forEach(f -> shared.put(f, ""));
        return new ReviewForm(items, shared, Map.of(), false, submission);
    }

    private static Item figureItem(ExtractService.Pick p, String typedTarget, Map<String, FigureState> figures) {
        FigureState target = typedTarget == null ? null : figures.get(typedTarget.strip());
        PeriodRules.Period period = FigureSuggester.periodFor(p.stated(), target == null ? null : KnownFigures.of(target));
        Map<String, String> v = new LinkedHashMap<>();
        var pre = p.prefill();
        v.put("key", "");
        v.put("label_zh", target == null ? nz(pre.labelZh()) : target.labelZh());
        v.put("label_en", target == null ? "" : target.labelEn());
        v.put("category", target == null ? "ai-learning" : target.category());
        v.put("value", nz(pre.value()));
        v.put("unit", nz(pre.unit()));
        // a new figure's English noun from the rule table; an existing figure keeps its own
        v.put("unit_en", target == null ? UnitRules.english(pre.unit()).orElse("") : "");
        v.put("qualifier", nz(pre.qualifier()));
        v.put("qualifier_word", nz(pre.qualifierWord()));
        v.put("period", nz(period.zh()));
        v.put("period_en", nz(period.en()));
        v.put("as_of", nz(pre.asOf()));
        v.put("quote", nz(pre.quote()));
        String url = (target == null ? "/admin/figures/new" : "/admin/figures/" + target.key()) + "?" + pre.query();
        return new Item(p.index(), FIGURE, p.span(), p.subject(), target == null ? "" : target.key(),
                target == null ? "" : target.labelZh(), target == null ? "" : target.labelEn(),
                target == null ? "0" : String.valueOf(target.version()), p.flags(), url, v, Map.of(), List.of());
    }

    private static Item eventItem(ExtractService.Pick p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("key", "");
        v.put("date", p.date().matches("\\d{4}-\\d{2}-\\d{2}") ? p.date() : "");
        v.put("title_zh", title(nz(p.prefill().quote()), p.span()));
        v.put("title_en", "");
        v.put("kind", kindOf(nz(p.prefill().quote())));
        v.put("quote", nz(p.prefill().quote()));
        return new Item(p.index(), EVENT, p.span(), p.subject(), "", "", "", "0", p.flags(), "", v, Map.of(), List.of());
    }

    /** The event's title from its sentence: the clause after the date, without closing punctuation. */
    static String title(String quote, String span) {
        String t = quote;
        int at = t.indexOf(span);
        if (at >= 0) t = t.substring(at + span.length());
        t = t.replaceFirst("^[，,、：:\\s]+", "").replaceFirst("[。！？；;.!?]+$", "").strip();
        if (t.isEmpty()) t = quote.replaceFirst("[。！？；;.!?]+$", "").strip();
        return ExtractService.cut(t, 200);
    }

    /** A first guess of the event's kind from its words; the editor can change it. */
    static String kindOf(String sentence) {
        if (sentence.contains("辩论")) return "debate";
        if (sentence.contains("讲座") || sentence.contains("授课") || sentence.contains("辅导")) return "lecture";
        if (sentence.contains("签约") || sentence.contains("签署")) return "signing";
        if (sentence.contains("考察") || sentence.contains("跟班") || sentence.contains("赴")) return "study-trip";
        if (sentence.contains("开班") || sentence.contains("培训班")) return "class";
        if (sentence.contains("课程") || sentence.contains("课")) return "course";
        if (sentence.contains("部署") || sentence.contains("上线") || sentence.contains("应用")) return "deployment";
        return "report";
    }

    // ---- reading back what the review form posts, and checking it ----

    /** The form as posted: {@code row} lists the row indexes; every field is read as typed. */
    static ReviewForm read(List<String> rows, Function<String, String> param, Map<String, FigureState> figures) {
        List<Item> items = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String r : rows) {
            if (r == null || !r.strip().matches("\\d{1,7}")) continue;
            int index = Integer.parseInt(r.strip());
            if (!seen.add(index)) continue;
            String type = EVENT.equals(param.apply("type_" + index)) ? EVENT : FIGURE;
            Map<String, String> v = new LinkedHashMap<>();
            for (String f : type.equals(EVENT) ? EVENT_FIELDS : FIGURE_FIELDS) v.put(f, nz(param.apply(f + "_" + index)));
            String target = nz(param.apply("target_" + index)).strip();
            FigureState t = figures.get(target);
            if (type.equals(FIGURE) && t != null) {
                // an existing figure keeps its names and category; the row only reports a value
                v.put("label_zh", t.labelZh());
                v.put("label_en", t.labelEn());
                v.put("category", t.category());
            }
            String flags = nz(param.apply("flags_" + index));
            items.add(new Item(index, type, nz(param.apply("span_" + index)), nz(param.apply("subject_" + index)),
                    target, t == null ? "" : t.labelZh(), t == null ? "" : t.labelEn(),
                    nz(param.apply("version_" + index)), flags.isEmpty() ? List.of() : List.of(flags.split(",")),
                    "", v, Map.of(), List.of()));
        }
        Map<String, String> shared = new LinkedHashMap<>();
        for (String f : SHARED_FIELDS) shared.put(f, nz(param.apply(f)));
        return new ReviewForm(items, shared, Map.of(), UnusualChange.confirmed(param.apply(UnusualChange.CONFIRM_FIELD)),
                nz(param.apply(SUBMISSION_FIELD)).strip());
    }

    /**
     * Checks every row and the shared fields; the form comes back with the messages and warnings
     * in {@code lang}, and the changes when there is nothing to fix (warnings unconfirmed count as
     * something to fix). Keys left blank are made from the English name, unique among
     * {@code takenKeys} and the form's own rows.
     */
    Checked check(LocalDate today, Lang lang, Map<String, FigureState> figures, Function<String, Boolean> eventKeyTaken) {
        FieldErrors sharedCheck = new FieldErrors();
        String source = sharedCheck.text("source", shared.get("source"), true, 100);
        LocalDate sourceDate = sharedCheck.date("source_date", shared.get("source_date"), true, today);
        sharedCheck.text("source_headline", shared.get("source_headline"), false, 200);
        sharedCheck.text("source_author", shared.get("source_author"), false, 100);
        sharedCheck.text("reason", shared.get("reason"), true, 500);
        String publicNote = sharedCheck.text(FigureFields.PUBLIC_NOTE, shared.get(FigureFields.PUBLIC_NOTE), false,
                FigureFields.PUBLIC_NOTE_MAX);
        if (items.isEmpty()) sharedCheck.add("reason", "extract.review.empty");
        List<FigureChange> reports = new ArrayList<>();
        List<FigureChange> creations = new ArrayList<>();
        List<EventChange> events = new ArrayList<>();
        List<Item> checked = new ArrayList<>();
        Set<String> usedKeys = new HashSet<>(figures.keySet());
        Set<String> reportedTargets = new HashSet<>();
        for (Item i : items) {
            FieldErrors e = new FieldErrors();
            Map<String, String> v = new LinkedHashMap<>(i.values());
            List<String> warnings = new ArrayList<>();
            for (String f : ENGLISH_FIELDS) {
                if (v.containsKey(f) && HAN.matcher(v.get(f)).find()) e.add(f, "extract.validation.english_only");
            }
            if (i.isEvent()) {
                if (v.get("key").isBlank()) v.put("key", freeKey(v.get("title_en"), "event", usedKeys, eventKeyTaken));
                usedKeys.add(v.get("key").strip());
                Map<String, String> fields = new LinkedHashMap<>();
                for (var f : EventFields.FORM) fields.put(f.name(), "");
                fields.putAll(Map.of("key", java.util.Objects.toString(v.get("key"), ""), "date", java.util.Objects.toString(v.get("date"), ""), "title_zh", java.util.Objects.toString(v.get("title_zh"), ""),
                        "title_en", java.util.Objects.toString(v.get("title_en"), ""), "kind", java.util.Objects.toString(v.get("kind"), ""), "quote", java.util.Objects.toString(v.get("quote"), ""), "version", "0"));
                fields.putAll(Map.of("source", java.util.Objects.toString(shared.get("source"), ""), "source_date", java.util.Objects.toString(shared.get("source_date"), ""),
                        "source_headline", java.util.Objects.toString(shared.get("source_headline"), ""),
                        "source_author", java.util.Objects.toString(shared.get("source_author"), ""),
                        "reason", java.util.Objects.toString(shared.get("reason"), "")));
                EventForm form = new EventForm(fields);
                Optional<EventChange> change = validateRow(x -> form.validate(true, today, x), e);
                if (e.isEmpty() && change.isPresent()) events.add(change.get().withPublicNote(publicNote));
            } else {
                boolean isNew = i.targetKey().isEmpty() || !figures.containsKey(i.targetKey());
                if (!isNew && !reportedTargets.add(i.targetKey())) e.add("value", "extract.validation.duplicate_target");
                if (v.get("period_en").isBlank()) e.add("period_en", "validation.required");
                if (isNew && v.get("key").isBlank()) {
                    v.put("key", freeKey(v.get("label_en"), "figure", usedKeys, k -> false));
                }
                if (isNew) usedKeys.add(v.get("key").strip());
                FigureForm form = new FigureForm("report", v.get("key"), v.get("category"), v.get("label_zh"),
                        v.get("label_en"), v.get("value"), v.get("unit"), v.get("qualifier"), v.get("qualifier_word"),
                        v.get("period"), v.get("period_en"), v.get("as_of"), shared.get("source"),
                        shared.get("source_date"), shared.get("source_headline"), v.get("quote"), shared.get("reason"),
                        isNew ? "0" : i.version()).with("source_author", shared.get("source_author"));
                String unitEn = null;
                if (isNew) {
                    // the English noun as typed (checked like any text; Han refused above), else the rule
                    // table's; never the Chinese unit
                    String typedUnitEn = e.text("unit_en", v.get("unit_en"), false, 60);
                    unitEn = typedUnitEn == null ? UnitRules.english(v.get("unit")).orElse(null) : typedUnitEn;
                    if (unitEn == null) e.add("unit_en", "validation.unit_en");
                    else if (typedUnitEn == null) v.put("unit_en", unitEn);
                }
                Optional<FigureChange> change = validateRow(x -> form.validate(isNew, today, x), e);
                if (change.isPresent() && e.isEmpty()) {
                    FigureChange c = change.get().withPublicNote(publicNote);
                    FigureState target = isNew ? null : figures.get(i.targetKey());
                    FigureState.ObservationState latest = target == null ? null : target.latest();
                    Quantity proposed = new Quantity(c.value(), c.unit(), Qualifier.fromCode(c.qualifier()), c.qualifierWord());
                    Quantity current = latest == null ? null : latest.quantity();
                    for (UnusualChange.Warning w : UnusualChange.check(current, latest == null ? null : latest.periodZh(),
                            proposed, c.periodZh(), true)) {
                        warnings.add(Messages.get(lang, w.messageKey(),
                                current == null ? "" : QuantityFormat.display(lang, current, target.unitEn()),
                                QuantityFormat.display(lang, proposed, target == null ? null : target.unitEn()),
                                c.periodZh()));
                    }
                    if (isNew) {
                        creations.add(new FigureChange(c.mode(), c.key(), c.category(), c.labelZh(), c.labelEn(),
                                unitEn, c.headline(), c.value(), c.unit(), c.qualifier(), c.qualifierWord(),
                                c.periodZh(), c.periodEn(), c.asOf(), c.source(), c.sourceEn(), c.sourceDate(),
                                c.sourceHeadline(), c.sourceAuthor(), c.quote(), c.reason(), c.version()));
                    } else {
                        reports.add(new FigureChange(c.mode(), target.key(), c.category(), c.labelZh(), c.labelEn(),
                                c.unitEn(), c.headline(), c.value(), c.unit(), c.qualifier(), c.qualifierWord(),
                                c.periodZh(), c.periodEn(), c.asOf(), c.source(), c.sourceEn(), c.sourceDate(),
                                c.sourceHeadline(), c.sourceAuthor(), c.quote(), c.reason(), c.version())
                                .withPublicNote(c.publicNote()));
                    }
                }
            }
            checked.add(new Item(i.index(), i.type(), i.span(), i.subject(), i.targetKey(), i.targetLabelZh(),
                    i.targetLabelEn(), i.version(), i.flags(), i.formUrl(), v, e.messages(lang), warnings));
        }
        ReviewForm form = new ReviewForm(checked, shared, sharedCheck.messages(lang), confirmed, submission);
        boolean ok = !form.hasErrors() && (confirmed || !form.hasWarnings()) && source != null && sourceDate != null;
        return new Checked(form, ok ? new Changes(reports, creations, events) : null);
    }

    /** The checked form, and its changes when it may be saved (null otherwise). */
    record Checked(ReviewForm form, Changes changes) {}

    /** Validates with a form's own rules, keeping the row's errors (the shared fields are checked once, above). */
    private static <T> Optional<T> validateRow(Function<FieldErrors, Optional<T>> validate, FieldErrors row) {
        FieldErrors all = new FieldErrors();
        Optional<T> change = validate.apply(all);
        all.all().forEach((field, e) -> {
            if (!SHARED_FIELDS.contains(field)) row.add(field, e.key(), e.args());
        });
        return change;
    }

    /** A key from the English name (officials-who-sat-the-test), else {@code prefix-N}; never one in use. */
    static String freeKey(String english, String prefix, Set<String> used, Function<String, Boolean> taken) {
        String slug = english == null ? "" : english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
        String base = slug.isEmpty() || slug.equals("new") ? prefix : slug;
        String key = slug.isEmpty() || slug.equals("new") ? prefix + "-1" : base;
        for (int n = 2; used.contains(key) || taken.apply(key); n++) key = base + "-" + n;
        return key;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
