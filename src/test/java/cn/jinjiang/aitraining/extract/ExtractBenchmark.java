package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.support.Seed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Throughput benchmark, run by hand (not a JUnit test: timings on a shared CI box are noise).
 * Repeats the seed page up to 1 MB of UTF-8 text, warms up, then times full extractions
 * (normalising, scanning, quotes, subjects, scopes) on the calling thread, i.e. one core.
 *
 * <pre>
 * mvn -q test-compile &amp;&amp; java -cp "target/classes:target/test-classes:$(mvn -q dependency:build-classpath
 *     -Dmdep.outputFile=/dev/stdout)" cn.jinjiang.aitraining.extract.ExtractBenchmark [megabytes]
 * </pre>
 */
public final class ExtractBenchmark {

    private ExtractBenchmark() {
    }

    public static void main(String[] args) {
        double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String page = Seed.text();
        long targetBytes = (long) (megabytes * 1024 * 1024);
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < targetBytes) {
            sb.append(page).append("\n\n");
        }
        String text = sb.toString();
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        FigureExtractor extractor = new FigureExtractor();
        LocalDate issue = LocalDate.of(2025, 5, 19);

        int figures = 0;
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            figures = extractor.extract(text, issue).size();
        }
        int rounds = 10;
        long best = Long.MAX_VALUE;
        long total = 0;
        // CPU time of this thread as well: on a shared machine wall time mostly measures the neighbours
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuTotal = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            figures = extractor.extract(text, issue).size();
            long dt = System.nanoTime() - t0;
            cpuTotal += threads.getCurrentThreadCpuTime() - c0;
            best = Math.min(best, dt);
            total += dt;
        }
        double meanSec = total / 1e9 / rounds;
        double bestSec = best / 1e9;
        System.out.printf(Locale.ROOT, "text: %d chars, %d bytes UTF-8 (%.2f MB), %d figures per run%n",
                text.length(), bytes, bytes / 1048576.0, figures);
        System.out.printf(Locale.ROOT, "mean of %d runs: %.1f ms, %.0f chars/s, %.2f MB/s%n", rounds,
                meanSec * 1000, text.length() / meanSec, bytes / 1048576.0 / meanSec);
        System.out.printf(Locale.ROOT, "best run:       %.1f ms, %.0f chars/s, %.2f MB/s%n",
                bestSec * 1000, text.length() / bestSec, bytes / 1048576.0 / bestSec);
        double cpuSec = cpuTotal / 1e9 / rounds;
        System.out.printf(Locale.ROOT, "CPU time/run:   %.1f ms, %.2f MB/s%n", cpuSec * 1000, bytes / 1048576.0 / cpuSec);
    }
}
