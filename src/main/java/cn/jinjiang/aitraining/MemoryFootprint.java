package cn.jinjiang.aitraining;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.ObjectName;
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
    /** The most free heap, in percent, a collection leaves while traffic comes in, and at rest. */
    private static final String FREE_UNDER_LOAD = "30";
    private static final int FREE_AT_REST = 10;
    private final ScheduledExecutorService governor;

    private MemoryFootprint(ScheduledExecutorService governor) {
        this.governor = governor;
    }

    /**
     * @param atRest what else to give back when traffic stops (the database's idle connections),
     *               run before the C heap is trimmed
     */
    static MemoryFootprint keepSmall(Runnable atRest) {
        Runnable trim;
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", FREE_UNDER_LOAD);
            trim = jvmTrimsItself(vm) ? () -> { } : MemoryFootprint::trimNativeHeap;
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
        java.util.function.LongSupplier allocated = allocatedBytes(memory);
        governor.scheduleWithFixedDelay(() -> {
            var heap = memory.getHeapMemoryUsage();
            boolean cameToRest = rest.cameToRest(allocated.getAsLong());
            if (cameToRest && heap.getCommitted() > RestWatch.SMALL_HEAP_BYTES) {
                collectTightly();
            } else if (heap.getCommitted() > COMMITTED_LIMIT_BYTES) {
                System.gc();
            }
            if (cameToRest) {
                releaseQuietly(atRest);
                // What atRest frees is freed on other threads (the pool closes connections on its
                // own); the trim waits a moment for it.
                governor.schedule(trim, 1, TimeUnit.SECONDS);
            }
        }, 6, 1, TimeUnit.SECONDS);
        return new MemoryFootprint(governor);
    }

    /**
     * The collection at rest keeps a free margin of a tenth, not the three tenths allowed under
     * traffic: nothing is being allocated, and the next burst grows the heap again within a few
     * young collections (measured after the benchmark: 161 MB resident with three tenths, 153 MB
     * with one). The margin under traffic is put back at once (whatever it was), so a busy server is not made to
     * collect more often. (The run command's {@code -XX:-ShrinkHeapInSteps} lets this one collection
     * give back all of the excess; by default the serial collector gives back a growing share over
     * several full collections.)
     */
    static void collectTightly() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String underLoad = vm.getVMOption("MaxHeapFreeRatio").getValue();
        // The most free space may not be set below the least (MinHeapFreeRatio, 10 in this server).
        int least = Integer.parseInt(vm.getVMOption("MinHeapFreeRatio").getValue());
        try {
            vm.setVMOption("MaxHeapFreeRatio", Integer.toString(Math.max(FREE_AT_REST, least)));
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", underLoad);
        }
    }

    /**
     * Bytes allocated by all threads so far: what traffic does to a JVM. (Where the JVM cannot say,
     * the heap's use stands in for it, which misses allocation between two collections.)
     */
    private static java.util.function.LongSupplier allocatedBytes(MemoryMXBean memory) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads::getTotalThreadAllocatedBytes;
        }
        return () -> memory.getHeapMemoryUsage().getUsed();
    }

    private static void releaseQuietly(Runnable atRest) {
        try {
            atRest.run();
        } catch (RuntimeException e) {
            // Giving back memory is never worth failing the governor's later rounds.
        }
    }

    /**
     * True when the JVM gives the C heap's free memory back by itself
     * ({@code -XX:TrimNativeHeapInterval}, in the run command): then the server does not ask for it,
     * and the JMX server that asking needs is never started.
     */
    static boolean jvmTrimsItself(HotSpotDiagnosticMXBean vm) {
        try {
            return !"0".equals(vm.getVMOption("TrimNativeHeapInterval").getValue());
        } catch (IllegalArgumentException noSuchOption) {
            return false; // a JVM older than 17.0.9
        }
    }

    /**
     * Gives the C library's free memory back to the system ({@code jcmd PID System.trim_native_heap},
     * asked in-process). The JIT compiler's work areas peak at tens of megabytes under the first
     * load and are freed, but the C allocator keeps them: measured 186 → 158 MB resident at rest.
     * The JMX server this needs is started on the first rest, never on the start-up path. A JVM
     * without the command (older than 17.0.9, or not HotSpot) simply keeps its memory.
     */
    static void trimNativeHeap() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap", null, null);
        } catch (Exception | LinkageError unavailable) {
            // nothing to give back on this JVM
        }
    }

    /**
     * Decides when the server has come to rest: hardly anything was allocated since the last check
     * (so hardly any requests are coming in). Then one collection (for a heap over
     * {@link #SMALL_HEAP_BYTES}) and one trim of the C heap give back what the last burst of traffic
     * took, instead of keeping it until the next burst; not again until traffic has come and gone.
     */
    static final class RestWatch {
        /**
         * Less allocated than this between two checks (1 s) counts as at rest: the data version poll
         * allocates well under a megabyte a second and serving a page some kilobytes, so this is
         * "fewer than a few hundred requests a second".
         */
        static final long QUIET_BYTES = 4L << 20;
        /** A committed heap this small is not worth a collection. */
        static final long SMALL_HEAP_BYTES = 24L << 20;
        private long lastAllocated = -1;
        private boolean restSeen;

        /** True once when allocation stops (fewer than QUIET_BYTES since the last look), then not until traffic has come and gone. */
        boolean cameToRest(long allocatedSoFar) {
            boolean quiet = lastAllocated >= 0 && Math.abs(allocatedSoFar - lastAllocated) < QUIET_BYTES;
            lastAllocated = allocatedSoFar;
            if (!quiet) {
                restSeen = false;
                return false;
            }
            if (restSeen) return false;
            restSeen = true;
            return true;
        }
    }

    @Override
    public void close() {
        if (governor != null) governor.shutdownNow();
    }
}
