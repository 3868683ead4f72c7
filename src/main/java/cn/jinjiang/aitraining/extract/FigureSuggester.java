package cn.jinjiang.aitraining.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which existing figure a found number most likely updates, and why: the one rule the extract page
 * and {@code extract --db} share. A number is suggested only when its unit family, its subject and
 * its period fit the figure, with a confidence of at least {@link #THRESHOLD}; below it the default
 * is a new figure. A planned or forecast number is never suggested (it is not a result), nor a
 * rate for a cumulative figure (日均 is not a total). Each answer carries the reason in both
 * languages and the period normalised against the report's date (never Chinese in the English one).
 *
 * <p>Built once per extraction from the figures; each figure's words are read once, so matching
 * hundreds of numbers against thousands of figures stays cheap.
 */
public final class FigureSuggester {
    /** Below this confidence (in percent) the default is a new figure. */
    public static final int THRESHOLD = 60;
    public static final String PERIOD_UNRECOGNISED = "period-unrecognised";

    /** Subjects that name no figure in particular: 干部 is counted by half the figures. */
    private static final Set<String> GENERIC_SUBJECTS = Set.of("干部", "党员", "学员", "群众", "人员", "人", "名", "人次", "次");

    /**
     * The answer for one number.
     *
     * @param figureKey the suggested figure, or null (a new figure)
     * @param confidence 0–100, of the best match even when it is below the threshold; 0 when none
     * @param reasonZh why, in Chinese
     * @param reasonEn why, in English
     * @param period the period the number is for, normalised; en is null when unknown
     * @param flags future, rate, period-unrecognised
     */
    public record Suggestion(String figureKey, int confidence, String reasonZh, String reasonEn,
                             PeriodRules.Period period, List<String> flags) {
        public boolean suggested() { return figureKey != null; }
    }

    private record Prepared(KnownFigure figure, Set<String> labelWords, boolean cumulative) {}

    private final Map<UnitFamily, List<Prepared>> byFamily = new EnumMap<>(UnitFamily.class);
    private final Map<String, KnownFigure> byKey = new java.util.HashMap<>();

    public FigureSuggester(List<KnownFigure> figures) {
        for (KnownFigure f : figures) {
            byKey.put(f.key(), f);
            if (f.unit() == null || f.unit().isBlank()) continue;
            UnitFamily family = familyOfUnit(f.unit());
            byFamily.computeIfAbsent(family, x -> new ArrayList<>())
                    .add(new Prepared(f, words(simplified(f.labelZh())), isCumulative(f.periodZh())));
        }
    }

    /** The figure with this key, if the suggester knows it. */
    public KnownFigure figure(String key) {
        return key == null ? null : byKey.get(key);
    }

    /** The period a number states, normalised; the sentence's scope stands in when it says only 累计 or nothing. */
    public static PeriodRules.Period statedPeriod(Candidate c, LocalDate reportDate) {
        LocalDate date = reportDate == null ? LocalDate.now() : reportDate;
        PeriodRules.Period stated = PeriodRules.normalise(c.statedPeriod(), date);
        if (stated.status() == PeriodRules.Status.CUMULATIVE || stated.status() == PeriodRules.Status.NOT_STATED) {
            PeriodRules.Period scope = PeriodRules.normalise(c.scope(), date);
            // 今年以来…累计开展112场: the running total counted since this year's start;
            // 近三年，开展…: no rule knows it, so the figure's period is kept and the editor told
            if (stated.status() == PeriodRules.Status.NOT_STATED && scope.status() != PeriodRules.Status.NOT_STATED) {
                return scope;
            }
            if (scope.status() == PeriodRules.Status.RECOGNISED && scope.zh().endsWith("以来")) {
                return scope;
            }
        }
        return stated;
    }

    /**
     * The period to file the number under for a target figure (null: a new figure): a recognised
     * period as normalised; a running total (目前, 累计) keeps the figure's cumulative period; an
     * expression no rule knows, or none, keeps the figure's current period.
     */
    public static PeriodRules.Period periodFor(PeriodRules.Period stated, KnownFigure target) {
        switch (stated.status()) {
            case RECOGNISED:
                return stated;
            case CUMULATIVE:
                if (target != null && isCumulative(target.periodZh())) {
                    return new PeriodRules.Period(target.periodZh(), target.periodEn(), PeriodRules.Status.CUMULATIVE);
                }
                return PeriodRules.CUMULATIVE;
            default:
                if (target != null) return new PeriodRules.Period(target.periodZh(), target.periodEn(), stated.status());
                return stated;
        }
    }

    /** The flags of a number: its own (future, rate) and period-unrecognised. */
    public static List<String> flags(Candidate c, PeriodRules.Period stated) {
        List<String> flags = new ArrayList<>(c.flags());
        if (stated.status() == PeriodRules.Status.UNRECOGNISED) flags.add(PERIOD_UNRECOGNISED);
        return List.copyOf(flags);
    }

    public Suggestion suggest(Candidate c, LocalDate reportDate) {
        PeriodRules.Period stated = statedPeriod(c, reportDate);
        List<String> flags = flags(c, stated);
        if (!isFigureKind(c.kind())) {
            return none(stated, flags, "“" + c.text() + "”不是指标数值（" + c.kind().label() + "）",
                    "a " + c.kind().label() + " is not a figure's value");
        }
        if (c.future()) {
            return none(stated, flags, "句中为计划或预计数字，不是已完成的结果，默认新增指标",
                    "the sentence states a plan or forecast, not a result: new figure by default");
        }
        Prepared best = null;
        int bestConfidence = -1;
        String bestWhyZh = "";
        String bestWhyEn = "";
        Set<String> sentence = words(simplified(c.quote()));
        String subject = c.subject() == null ? "" : simplified(c.subject()).strip();
        boolean specificSubject = subject.length() >= 2 && !GENERIC_SUBJECTS.contains(subject);
        for (Prepared p : byFamily.getOrDefault(c.unitFamily(), List.of())) {
            KnownFigure f = p.figure();
            if (c.rate() && p.cumulative()) continue;
            String periodZh = f.periodZh() == null ? "" : f.periodZh().strip();
            int periodScore;
            String periodWhyZh;
            String periodWhyEn;
            switch (stated.status()) {
                case RECOGNISED:
                    if (!stated.zh().equals(periodZh)) continue; // 2025年以来 never joins a 2023年以来 line
                    periodScore = 20;
                    periodWhyZh = "统计期“" + periodZh + "”一致";
                    periodWhyEn = "period " + f.periodEn() + " matches";
                    break;
                case CUMULATIVE:
                    periodScore = p.cumulative() ? 20 : 10;
                    periodWhyZh = p.cumulative() ? "累计数对应累计指标" : "累计数，指标统计期为“" + periodZh + "”";
                    periodWhyEn = p.cumulative() ? "a running total for a cumulative figure"
                            : "a running total; the figure's period is " + f.periodEn();
                    break;
                default:
                    periodScore = 10;
                    periodWhyZh = "句中未注明统计期，沿用“" + periodZh + "”";
                    periodWhyEn = "no period stated; keeps " + f.periodEn();
            }
            int labelScore;
            String labelWhyZh;
            String labelWhyEn;
            String label = simplified(f.labelZh());
            if (specificSubject && (label.contains(subject) || subject.contains(label))) {
                labelScore = 60;
                labelWhyZh = "主语“" + subject + "”与名称相符";
                labelWhyEn = "subject '" + subject + "' matches the label";
            } else if (f.quote() != null && f.quote().contains(c.text()) && c.text().length() >= 3) {
                labelScore = 60;
                labelWhyZh = "指标最近的引文写有“" + c.text() + "”";
                labelWhyEn = "the figure's latest quote states '" + c.text() + "'";
            } else {
                int shared = 0;
                for (String w : p.labelWords()) if (sentence.contains(w)) shared++;
                int ratio = p.labelWords().isEmpty() ? 0 : 100 * shared / p.labelWords().size();
                labelScore = 60 * ratio / 100;
                labelWhyZh = "名称“" + f.labelZh() + "”与原句相符" + ratio + "%";
                labelWhyEn = "label '" + f.labelZh() + "' " + ratio + "% found in the sentence";
            }
            boolean sameUnit = f.unit().equals(c.unit());
            int unitScore = sameUnit ? 20 : 10;
            String unitWhyZh = "单位“" + c.unit() + "”" + (sameUnit ? "" : "与“" + f.unit() + "”同类");
            String unitWhyEn = "unit " + c.unit() + (sameUnit ? "" : " (same kind as " + f.unit() + ")");
            int confidence = Math.min(100, labelScore + unitScore + periodScore);
            if (confidence > bestConfidence) {
                best = p;
                bestConfidence = confidence;
                bestWhyZh = unitWhyZh + "、" + labelWhyZh + "、" + periodWhyZh;
                bestWhyEn = unitWhyEn + ", " + labelWhyEn + ", " + periodWhyEn;
            }
        }
        if (best == null) {
            String why = c.rate() ? "比率或平均数不对应累计指标；" : "";
            String whyEn = c.rate() ? "a rate or average never updates a cumulative figure; " : "";
            return none(stated, flags, why + "没有单位同类、统计期相符的指标，默认新增指标",
                    whyEn + "no figure with a unit of this kind and a compatible period: new figure by default");
        }
        if (bestConfidence < THRESHOLD) {
            return new Suggestion(null, bestConfidence,
                    "最接近的“" + best.figure().labelZh() + "”（" + bestWhyZh + "）置信度仅" + bestConfidence
                            + "%，低于" + THRESHOLD + "%，默认新增指标",
                    "closest is '" + best.figure().labelZh() + "' (" + bestWhyEn + ") at only " + bestConfidence
                            + "%, below " + THRESHOLD + "%: new figure by default",
                    periodFor(stated, null), flags);
        }
        return new Suggestion(best.figure().key(), bestConfidence, bestWhyZh, bestWhyEn,
                periodFor(stated, best.figure()), flags);
    }

    private static Suggestion none(PeriodRules.Period stated, List<String> flags, String zh, String en) {
        return new Suggestion(null, 0, zh, en, periodFor(stated, null), flags);
    }

    private static boolean isFigureKind(Kind k) {
        return k == Kind.COUNT || k == Kind.MONEY || k == Kind.DURATION || k == Kind.PERCENT;
    }

    /** 累计, or a total counted from a start (2025年以来, 2022年起): such a total only grows. */
    public static boolean isCumulative(String period) {
        if (period == null) return false;
        String p = period.strip();
        return p.contains("累计") || p.endsWith("以来") || p.endsWith("起") || p.endsWith("至今");
    }

    /** The family of a stored figure's unit (元 money, % percent, 学时 hours, 天 duration, else a count's). */
    public static UnitFamily familyOfUnit(String unit) {
        String u = unit.strip();
        if (u.endsWith("元")) return UnitFamily.MONEY;
        if (u.equals("%") || u.equals("成") || u.equals("个百分点")) return UnitFamily.PERCENT;
        if (u.equals("小时")) return UnitFamily.HOURS;
        if (List.of("天", "日", "周", "个月", "月", "年", "分钟").contains(u)) return UnitFamily.DURATION;
        return UnitFamily.of(Kind.COUNT, u, '\0');
    }

    private static String simplified(String s) {
        if (s == null) return "";
        return TraditionalChinese.toSimplified(s);
    }

    /** Han bigrams (a lone Han char alone), and Latin/digit runs of two or more: the words a label shares with a sentence. */
    static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
                int j = i;
                while (j < n && Character.UnicodeScript.of(s.charAt(j)) == Character.UnicodeScript.HAN) j++;
                if (j - i == 1) out.add(s.substring(i, j));
                for (int k = i; k + 2 <= j; k++) out.add(s.substring(k, k + 2));
                i = j;
            } else if (Character.isLetter(ch)) {
                int j = i;
                while (j < n && Character.isLetter(s.charAt(j)) && Character.UnicodeScript.of(s.charAt(j)) != Character.UnicodeScript.HAN) j++;
                if (j - i >= 2) out.add(s.substring(i, j).toLowerCase(java.util.Locale.ROOT));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
