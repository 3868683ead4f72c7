package cn.jinjiang.aitraining;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the server's resident memory near what it uses rather than near the JVM's default heap,
 * without asking operators for JVM flags.
 *
 * <p>By default the JVM takes 1/64 of the machine's memory as its initial heap and, under load,
 * grows the heap to make collections rarer; it gives memory back only after a full or concurrent
 * collection, which a server whose data fits in a few megabytes hardly ever needs. So: the heap may
 * keep only a modest margin of free space (these options are "manageable", settable at run time),
 * and when the committed heap has grown well past that, or when traffic has stopped and the heap is
 * larger than a small floor, a collection is asked for, which shrinks it. With a live set of a few
 * tens of megabytes such a collection takes a few milliseconds.
 */
final class MemoryFootprint implements AutoCloseable {
    /** Above this committed heap the heap is collected and shrunk. */
    static final long COMMITTED_LIMIT_BYTES = 112L << 20;
    private final ScheduledExecutorService governor;

    private MemoryFootprint(ScheduledExecutorService governor) {
        this.governor = governor;
    }

    static MemoryFootprint keepSmall() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
        } catch (RuntimeException unsupported) {
            return new MemoryFootprint(null); // another JVM: its defaults stand
        }
        ScheduledExecutorService governor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "memory-footprint");
            thread.setDaemon(true);
            return thread;
        });
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // A few seconds after start, once the first requests are answered: the heap shrinks to fit
        // what start-up left behind.
        governor.schedule(System::gc, 3, TimeUnit.SECONDS);
        RestWatch rest = new RestWatch();
        governor.scheduleWithFixedDelay(() -> {
            var heap = memory.getHeapMemoryUsage();
            if (heap.getCommitted() > COMMITTED_LIMIT_BYTES || rest.collectNow(heap.getUsed(), heap.getCommitted())) {
                System.gc();
                rest.collected(memory.getHeapMemoryUsage().getUsed());
            }
        }, 6, 3, TimeUnit.SECONDS);
        return new MemoryFootprint(governor);
    }

    /**
     * Decides when the server has come to rest: the heap's use has not moved for one check (nothing
     * is being allocated, so no requests are coming in). Then one collection gives back what the last
     * burst of traffic made the heap take, instead of keeping it until the next burst; not again
     * until traffic has come and gone.
     */
    static final class RestWatch {
        /** Less allocated than this between two checks counts as none (the data version poll allocates a little). */
        static final long QUIET_BYTES = 1L << 20;
        /** A committed heap this small is not worth a collection. */
        static final long SMALL_HEAP_BYTES = 48L << 20;
        private long lastUsed = -1;
        private boolean collectedAtThisRest;

        boolean collectNow(long used, long committed) {
            boolean quiet = lastUsed >= 0 && Math.abs(used - lastUsed) < QUIET_BYTES;
            lastUsed = used;
            if (!quiet) {
                collectedAtThisRest = false;
                return false;
            }
            return !collectedAtThisRest && committed > SMALL_HEAP_BYTES;
        }

        void collected(long usedAfter) {
            collectedAtThisRest = true;
            lastUsed = usedAfter;
        }
    }

    @Override
    public void close() {
        if (governor != null) governor.shutdownNow();
    }
}
