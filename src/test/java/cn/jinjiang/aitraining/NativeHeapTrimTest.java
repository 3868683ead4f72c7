package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When traffic stops, the server gives the C heap's free memory back: by asking the JVM through JMX
 * (a server started with plain {@code java -jar}), or not at all when the JVM trims by itself
 * ({@code -XX:TrimNativeHeapInterval}, the run command), in which case JMX's platform server, several
 * hundred classes, is never started. Two real server processes side by side, idle from the start:
 * each comes to rest about 7 s after starting.
 */
@Timeout(120)
class NativeHeapTrimTest {
    /** A class only the platform MBean server loads. */
    private static final String JMX_SERVER = "com.sun.jmx.mbeanserver.JmxMBeanServer ";

    @TempDir
    Path folder;

    @Test
    void theServerAsksForATrimAtRestUnlessTheJvmTrimsByItself() throws IOException, InterruptedException {
        Path asking = folder.resolve("asking-classes.log");
        Path trimming = folder.resolve("trimming-classes.log");
        Files.createDirectories(folder.resolve("a"));
        Files.createDirectories(folder.resolve("b"));
        try (var plain = ServerProcess.start(DatabaseLocation.sqlite(folder.resolve("a/d.db")), folder,
                     List.of("-Xlog:class+load=info:file=" + asking));
             var selfTrimming = ServerProcess.start(DatabaseLocation.sqlite(folder.resolve("b/d.db")), folder,
                     List.of("-XX:TrimNativeHeapInterval=5000", "-Xlog:class+load=info:file=" + trimming))) {
            assertTrue(eventuallyContains(asking, JMX_SERVER, Duration.ofSeconds(30)),
                    "the server on plain java -jar came to rest and asked for a trim through JMX");
            // Both started within a second or two of each other; give the second its rest too.
            Thread.sleep(3_000);
            assertFalse(Files.readString(trimming).contains(JMX_SERVER),
                    "with -XX:TrimNativeHeapInterval the JVM trims and the server never starts JMX");
            assertTrue(Files.readString(trimming).contains("cn.jinjiang.aitraining.MemoryFootprint$RestWatch "),
                    "its governor ran");
            assertEquals(200, plain.client().get("/healthz").statusCode(), "both still answer");
            assertEquals(200, selfTrimming.client().get("/healthz").statusCode());
        }
    }

    private static boolean eventuallyContains(Path log, String text, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return true;
            Thread.sleep(200);
        }
        return false;
    }
}
