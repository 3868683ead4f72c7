package cn.jinjiang.aitraining.generate;

import cn.jinjiang.aitraining.db.DataVersion;
import java.io.Serial;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Plausible synthetic figures, observations and events, written in large batched transactions
 * (one per 5,000 figures, one per 5,000 events) in SQL that SQLite and PostgreSQL both run; dates
 * and times are bound as {@link LocalDate} and {@link Instant}, which the database stores in its own
 * types. Deterministic (fixed seed), so benchmark runs compare like with like.
 */
final class SyntheticData {
    private static final int BATCH = 5_000;
    private static final List<String> CATEGORIES = List.of("ai-learning", "ai-application", "cadre-training", "related-course");
    private static final List<String> UNITS = List.of("场", "人次", "期", "个", "名", "学时", "元");
    private static final List<String> UNITS_EN = List.of("activities", "attendances", "sessions", "items", "people", "study hours", "");
    private static final List<String> QUALIFIERS = List.of("exact", "exact", "exact", "nearly", "over", "about", "plus");
    private static final List<String> KINDS = List.of("lecture", "class", "debate", "study-trip", "signing", "report", "deployment", "course");
    private static final LocalDate START = LocalDate.of(2022, 1, 1);

    private final Jdbi jdbi;
    private final Random random = new Random(20250519L);

    SyntheticData(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Counts(int figures, long observations, int events) {}

    Counts generate(int figures, int observationsPerFigure, int events) {
        int existing = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM figure WHERE figure_key LIKE 'gen-%'")
                .mapTo(Integer.class).one());
        if (existing > 0) throw new AlreadyGeneratedException();
        Instant now = Instant.now();
        for (int from = 1; from <= figures; from += BATCH) {
            int to = Math.min(figures, from + BATCH - 1);
            int first = from;
            jdbi.useTransaction(h -> {
                PreparedBatch figureBatch = h.prepareBatch("""
                        INSERT INTO figure (figure_key, label_zh, label_en, category, unit_en, headline, sort_order,
                                            created_at, updated_at)
                        VALUES (:key, :labelZh, :labelEn, :category, :unitEn, FALSE, :sortOrder, :now, :now)""");
                for (int i = first; i <= to; i++) {
                    int u = random.nextInt(UNITS.size());
                    figureBatch.bind("key", figureKey(i)).bind("labelZh", "合成指标" + i).bind("labelEn", "Synthetic figure " + i)
                            .bind("category", CATEGORIES.get(i % CATEGORIES.size())).bind("unitEn", UNITS_EN.get(u))
                            .bind("sortOrder", 1000 + i).bind("now", now).add();
                }
                figureBatch.execute();
                // The keys sort as their numbers (zero-padded), so one range query finds this batch's ids.
                Map<String, Long> ids = new HashMap<>();
                h.createQuery("SELECT id, figure_key FROM figure WHERE figure_key BETWEEN :first AND :last")
                        .bind("first", figureKey(first)).bind("last", figureKey(to))
                        .map((rs, ctx) -> Map.entry(rs.getString("figure_key"), rs.getLong("id")))
                        .forEach(e -> ids.put(e.getKey(), e.getValue()));
                PreparedBatch observationBatch = h.prepareBatch("""
                        INSERT INTO observation (figure_id, value, unit, qualifier, period_zh, period_en, as_of, source_id,
                                                 quote, recorded_at)
                        VALUES (:figureId, :value, :unit, :qualifier, '累计', 'cumulative', :asOf, 1, :quote, :now)""");
                for (int i = first; i <= to; i++) {
                    long figureId = ids.get(figureKey(i));
                    int u = random.nextInt(UNITS.size());
                    long value = UNITS.get(u).equals("元") ? 10_000L * (1 + random.nextInt(50_000)) : 1 + random.nextInt(20_000);
                    for (int o = 0; o < observationsPerFigure; o++) {
                        value += random.nextInt(1 + (int) Math.min(value / 10 + 1, 10_000));
                        observationBatch.bind("figureId", figureId).bind("value", value).bind("unit", UNITS.get(u))
                                .bind("qualifier", QUALIFIERS.get(random.nextInt(QUALIFIERS.size())))
                                .bind("asOf", START.plusDays(o * 7L))
                                .bind("quote", "合成数据第" + (o + 1) + "次报道：" + value + UNITS.get(u))
                                .bind("now", now).add();
                        if (observationBatch.size() >= BATCH) observationBatch.execute();
                    }
                }
                if (observationBatch.size() > 0) observationBatch.execute();
                DataVersion.bump(h);
            });
        }
        for (int from = 1; from <= events; from += BATCH) {
            int to = Math.min(events, from + BATCH - 1);
            int first = from;
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO event (event_key, event_date, title_zh, title_en, kind, source_id, quote, sort_order,
                                           created_at, updated_at)
                        VALUES (:key, :date, :titleZh, :titleEn, :kind, 1, :quote, :sortOrder, :now, :now)""");
                for (int i = first; i <= to; i++) {
                    boolean dated = random.nextInt(4) != 0;
                    batch.bind("key", String.format("gen-event-%07d", i))
                            // typed even when null: PostgreSQL takes a NULL for a DATE column only as a date
                            .bindByType("date", dated ? START.plusDays(random.nextInt(1200)) : null, LocalDate.class)
                            .bind("titleZh", "合成活动" + i).bind("titleEn", "Synthetic activity " + i)
                            .bind("kind", KINDS.get(random.nextInt(KINDS.size())))
                            .bind("quote", "合成活动第" + i + "项").bind("sortOrder", 1000 + i).bind("now", now).add();
                }
                batch.execute();
                DataVersion.bump(h);
            });
        }
        return new Counts(figures, (long) figures * observationsPerFigure, events);
    }

    private static String figureKey(int i) {
        return String.format("gen-figure-%07d", i);
    }

    static final class AlreadyGeneratedException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        AlreadyGeneratedException() {
            super("this database already holds generated data; use a new file or database（该数据库已有合成数据）");
        }
    }
}
