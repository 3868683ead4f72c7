package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The server comes to rest once when traffic stops, and not again until traffic has come and gone. */
class MemoryFootprintTest {
    static final long MB = 1L << 20;

    @Test
    void oneRestPerQuietSpell() {
        var rest = new MemoryFootprint.RestWatch();
        assertFalse(rest.cameToRest(60 * MB), "the first look knows nothing yet");
        assertFalse(rest.cameToRest(900 * MB), "allocating: traffic");
        assertTrue(rest.cameToRest(901 * MB), "hardly anything allocated since: at rest");
        assertFalse(rest.cameToRest(902 * MB), "still at rest, already handled");
        assertFalse(rest.cameToRest(903 * MB));
        assertFalse(rest.cameToRest(2_000 * MB), "traffic again");
        assertTrue(rest.cameToRest(2_000 * MB + 1000), "and at rest again");
    }

    @Test
    void theCollectionAtRestCollectsAndPutsTheMarginBack() {
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        String before = vm.getVMOption("MaxHeapFreeRatio").getValue();
        long collections = fullCollections();
        MemoryFootprint.collectTightly();
        assertTrue(fullCollections() > collections, "a full collection ran");
        org.junit.jupiter.api.Assertions.assertEquals(before, vm.getVMOption("MaxHeapFreeRatio").getValue());
    }

    /** Collections by the old generation's collector (or every collector, where there is only one). */
    private static long fullCollections() {
        long count = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            boolean young = gc.getName().contains("Young") || gc.getName().equals("Copy") || gc.getName().contains("Scavenge");
            if (!young) count += gc.getCollectionCount();
        }
        return count;
    }

    @Test
    void trimmingTheCHeapNeverFails() {
        MemoryFootprint.trimNativeHeap(); // on this JVM it trims; on another it does nothing, quietly
    }
}
