package cn.jinjiang.aitraining.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one loader of the seed page, the newspaper report the curated data comes from.
 * API: {@link #FILE}, {@link #dir()}, {@link #page()}, {@link #text()}.
 *
 * <p>It lives in {@code ../shared/seed/} beside the project (where CI puts it); {@code -Dseed.dir=...}
 * points elsewhere. A missing page is a clear failure, never a skipped test.
 */
public final class Seed {
    /** The report's OCR text. */
    public static final String FILE = "000_d92bef512ad02781.txt";

    private Seed() {}

    public static Path dir() {
        String configured = System.getProperty("seed.dir");
        return Path.of(configured == null || configured.isBlank() ? "../shared/seed" : configured);
    }

    public static Path page() {
        Path page = dir().resolve(FILE);
        if (!Files.isReadable(page)) {
            throw new IllegalStateException("seed page " + FILE + " not found in " + dir().toAbsolutePath()
                    + " (set -Dseed.dir=...)");
        }
        return page;
    }

    public static String text() {
        try {
            String text = Files.readString(page(), StandardCharsets.UTF_8);
            if (text.length() < 1000) throw new IllegalStateException("the seed page " + page().toAbsolutePath() + " is too short");
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
