package cn.perfeval.report.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of report-service in the tests: the system clock moved by an offset a test sets (overdue tasks), zero
 * otherwise. Being a bean of type {@link Clock}, it takes the place of the service's default clock.
 */
@Singleton
public class MovableClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    private final ZoneId zone;

    public MovableClock() {
        this(ZoneId.of("Asia/Shanghai"));
    }

    private MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves every clock of the service by this much from now on (until {@link #reset}). */
    public static void move(Duration offset) {
        OFFSET.set(offset);
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MovableClock(z);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }
}
