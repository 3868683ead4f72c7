package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labelled sets ({@code extract/labelled.tsv}: excerpts of the seed page;
 * {@code extract/written.tsv}: sentences written for this project).
 * Test helper, not a test.
 */
final class LabelledSet {

    /** Excerpts of the seed page. */
    static final String SEED_SET = "/extract/labelled.tsv";

    /** Sentences written for this project: several regions, simplified and traditional, with traps. */
    static final String WRITTEN_SET = "/extract/written.tsv";

    /** One expected figure; {@link #key()} is what must match exactly. */
    record Expected(String text, Kind kind, BigDecimal value, String unit, Qualifier qualifier, String date) {

        String key() {
            return key(text, kind, value, unit, qualifier, date);
        }

        static String key(String text, Kind kind, BigDecimal value, String unit, Qualifier q, String date) {
            String v = value == null ? "" : ChineseNumerals.normalise(value).toPlainString();
            return text + "|" + kind.label() + "|" + v + "|" + unit + "|" + q.code() + "|"
                    + (date == null ? "" : date);
        }

        static String keyOf(Candidate c) {
            return key(c.text(), c.kind(), c.value(), c.unit(), c.qualifier(), c.kind() == Kind.DATE ? c.date() : null);
        }
    }

    /** An excerpt (with real line breaks) and the figures it holds. */
    record Excerpt(int line, String text, List<Expected> expected) {
    }

    private LabelledSet() {
    }

    static List<Excerpt> load() {
        return load(SEED_SET);
    }

    static List<Excerpt> load(String resource) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the test classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Excerpt> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String excerpt = cols[0].replace("\\n", "\n");
                List<Expected> expected = new ArrayList<>();
                if (cols.length > 1 && !cols[1].isBlank()) {
                    for (String fig : cols[1].split(" ; ")) {
                        expected.add(parseFigure(fig.trim(), resource, i + 1));
                    }
                }
                out.add(new Excerpt(i + 1, excerpt, expected));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Expected parseFigure(String fig, String resource, int line) {
        String[] f = fig.split("\\|", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException(resource + " line " + line + ": bad figure '" + fig + "'");
        }
        BigDecimal value = f[2].isEmpty() ? null : new BigDecimal(f[2]);
        String unit = f[3].equals("\"\"") ? "" : f[3];
        return new Expected(f[0], Kind.fromLabel(f[1]), value, unit, Qualifier.fromCode(f[4]),
                f[5].isEmpty() ? null : f[5]);
    }
}
