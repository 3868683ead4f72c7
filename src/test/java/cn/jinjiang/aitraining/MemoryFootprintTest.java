package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The heap is collected once when traffic stops, and not again until traffic has come and gone. */
class MemoryFootprintTest {
    static final long MB = 1L << 20;

    @Test
    void oneCollectionPerRestAndNoneUnderLoadOrForASmallHeap() {
        var rest = new MemoryFootprint.RestWatch();
        assertFalse(rest.collectNow(60 * MB, 200 * MB), "the first look knows nothing yet");
        assertFalse(rest.collectNow(90 * MB, 200 * MB), "allocating: traffic");
        assertTrue(rest.collectNow(90 * MB, 200 * MB), "nothing allocated since: at rest, and the heap is large");
        rest.collected(20 * MB);
        assertFalse(rest.collectNow(20 * MB, 60 * MB), "still at rest, already collected");
        assertFalse(rest.collectNow(20 * MB, 60 * MB));
        assertFalse(rest.collectNow(80 * MB, 120 * MB), "traffic again");
        assertTrue(rest.collectNow(80 * MB + 1000, 120 * MB), "and at rest again");
        rest.collected(20 * MB);
        var small = new MemoryFootprint.RestWatch();
        small.collectNow(10 * MB, 40 * MB);
        assertFalse(small.collectNow(10 * MB, 40 * MB), "a heap under 48 MB is left alone");
    }
}
