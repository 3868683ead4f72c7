package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.jinjiang.aitraining.support.Seed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per kind, printed as tables: against the labelled excerpts of the seed page
 * (excerpt by excerpt and over the whole page), which must stay at 1.00 for count and money, and
 * against the sentences written for this project ({@code written.tsv}: national, provincial and
 * county styles, simplified and traditional, with traps), which must reach recall 0.95 and
 * precision 0.95 for count and money.
 */
class ExtractionQualityTest {

    private static final LocalDate ISSUE = LocalDate.of(2025, 5, 19);
    /** The written sentences are dated like a follow-up report. */
    private static final LocalDate WRITTEN_DATE = LocalDate.of(2025, 9, 30);
    private static final double SEED_MIN = 1.0;
    private static final double WRITTEN_MIN_RECALL = 0.95;
    private static final double WRITTEN_MIN_PRECISION = 0.95;

    private static List<LabelledSet.Excerpt> excerpts;
    private static List<LabelledSet.Excerpt> written;
    private final FigureExtractor extractor = new FigureExtractor();

    @BeforeAll
    static void load() {
        excerpts = LabelledSet.load();
        written = LabelledSet.load(LabelledSet.WRITTEN_SET);
    }

    /** Tallies per kind; a match needs text, kind, value, unit, qualifier and date to agree. */
    private static final class Score {
        final Map<Kind, int[]> counts = new EnumMap<>(Kind.class); // expected, extracted, matchedE, matchedX
        final List<String> misses = new ArrayList<>();
        final List<String> spurious = new ArrayList<>();

        void add(String where, List<LabelledSet.Expected> expected, List<Candidate> extracted) {
            Map<String, Integer> pool = new HashMap<>();
            for (Candidate c : extracted) {
                tally(c.kind())[1]++;
                pool.merge(LabelledSet.Expected.keyOf(c), 1, Integer::sum);
            }
            Map<String, Integer> wanted = new HashMap<>();
            for (LabelledSet.Expected e : expected) {
                tally(e.kind())[0]++;
                wanted.merge(e.key(), 1, Integer::sum);
                Integer left = pool.get(e.key());
                if (left != null && left > 0) {
                    pool.put(e.key(), left - 1);
                    tally(e.kind())[2]++;
                } else {
                    misses.add(where + ": missed " + e.key());
                }
            }
            for (Candidate c : extracted) {
                String k = LabelledSet.Expected.keyOf(c);
                Integer left = wanted.get(k);
                if (left != null && left > 0) {
                    wanted.put(k, left - 1);
                    tally(c.kind())[3]++;
                } else {
                    spurious.add(where + ": unexpected " + k + "   in: " + c.quote());
                }
            }
        }

        int[] tally(Kind k) {
            return counts.computeIfAbsent(k, x -> new int[4]);
        }

        double recall(Kind k) {
            int[] c = tally(k);
            return c[0] == 0 ? 1.0 : (double) c[2] / c[0];
        }

        double precision(Kind k) {
            int[] c = tally(k);
            return c[1] == 0 ? 1.0 : (double) c[3] / c[1];
        }

        String table(String title) {
            StringBuilder sb = new StringBuilder();
            sb.append(title).append('\n');
            sb.append(String.format(Locale.ROOT, "%-9s %8s %9s %9s %9s%n", "kind", "expected", "extracted",
                    "precision", "recall"));
            for (Kind k : Kind.values()) {
                int[] c = tally(k);
                sb.append(String.format(Locale.ROOT, "%-9s %8d %9d %9.3f %9.3f%n", k.label(), c[0], c[1],
                        precision(k), recall(k)));
            }
            misses.forEach(m -> sb.append("  ").append(m).append('\n'));
            spurious.forEach(m -> sb.append("  ").append(m).append('\n'));
            return sb.toString();
        }

        void assertThresholds(String title, double minRecall, double minPrecision) {
            List<String> failures = new ArrayList<>();
            for (Kind k : new Kind[] {Kind.COUNT, Kind.MONEY}) {
                if (recall(k) < minRecall) {
                    failures.add(k.label() + " recall " + recall(k));
                }
                if (precision(k) < minPrecision) {
                    failures.add(k.label() + " precision " + precision(k));
                }
            }
            if (!failures.isEmpty()) {
                fail(title + ": below threshold: " + failures + "\n" + table(title));
            }
        }
    }

    @Test
    void excerptByExcerpt() {
        Score score = new Score();
        for (LabelledSet.Excerpt ex : excerpts) {
            score.add("line " + ex.line(), ex.expected(), extractor.extract(ex.text(), ISSUE));
        }
        String table = score.table("Quality on labelled excerpts (" + excerpts.size() + " excerpts)");
        System.out.println(table);
        score.assertThresholds("excerpts", SEED_MIN, SEED_MIN);
    }

    @Test
    void wholeSeedPage() {
        String page = Seed.text();
        List<LabelledSet.Expected> all = new ArrayList<>();
        excerpts.forEach(e -> all.addAll(e.expected()));
        Score score = new Score();
        score.add("page", all, extractor.extract(page, ISSUE));
        String table = score.table("Quality on the whole seed page (" + Seed.FILE + ")");
        System.out.println(table);
        score.assertThresholds("whole page", SEED_MIN, SEED_MIN);
    }

    @Test
    void writtenSentences() {
        Score score = new Score();
        for (LabelledSet.Excerpt ex : written) {
            score.add("written line " + ex.line(), ex.expected(), extractor.extract(ex.text(), WRITTEN_DATE));
        }
        String table = score.table("Quality on the written sentences (" + written.size() + " sentences, "
                + LabelledSet.WRITTEN_SET + ")");
        System.out.println(table);
        score.assertThresholds("written sentences", WRITTEN_MIN_RECALL, WRITTEN_MIN_PRECISION);
    }

    /** Guards the written set: big enough, and with both scripts in it. */
    @Test
    void writtenSetIsLargeAndMixesScripts() {
        assertTrue(written.size() >= 150, "only " + written.size() + " written sentences");
        long traditional = written.stream().filter(e -> TraditionalChinese.looksTraditional(e.text())).count();
        assertTrue(traditional >= 20, "only " + traditional + " sentences in traditional characters");
        assertTrue(written.size() - traditional >= 100, "too few simplified sentences");
    }

    /** Guards the labelled set itself: every excerpt must really be on the page. */
    @Test
    void everyExcerptIsOnTheSeedPage() {
        String page = TextNormalizer.normalizeText(Seed.text());
        List<String> notFound = new ArrayList<>();
        for (LabelledSet.Excerpt ex : excerpts) {
            if (!page.contains(TextNormalizer.normalizeText(ex.text()))) {
                notFound.add("line " + ex.line() + ": " + ex.text());
            }
        }
        assertTrue(notFound.isEmpty(), "excerpts not on the seed page: " + notFound);
    }
}
