package cn.jinjiang.aitraining.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves by hand, to test time limits (sessions, login blocks).
 * API: {@code new MutableClock(start)}, {@link #advance(Duration)}.
 */
public final class MutableClock extends Clock {
    /** The instant the HTTP tests start at unless they say otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2025-06-01T02:00:00Z");

    private volatile Instant now;

    public MutableClock(Instant start) { this.now = start; }

    public MutableClock() { this(DEFAULT_START); }

    public void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return zone; }
            @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
            @Override public Instant instant() { return self.instant(); }
        };
    }

    @Override public Instant instant() { return now; }
}
