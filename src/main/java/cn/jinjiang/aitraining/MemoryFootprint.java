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
 * and when the committed heap has grown well past that, a collection is asked for, which shrinks
 * it. With a live set of a few tens of megabytes such a collection takes a few milliseconds.
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
        governor.scheduleWithFixedDelay(() -> {
            var heap = memory.getHeapMemoryUsage();
            if (heap.getCommitted() > COMMITTED_LIMIT_BYTES) System.gc();
        }, 6, 3, TimeUnit.SECONDS);
        return new MemoryFootprint(governor);
    }

    @Override
    public void close() {
        if (governor != null) governor.shutdownNow();
    }
}
