package cn.perfeval.report.season;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today in the county's time zone (Asia/Shanghai), for overdue tasks: a bean of its own so that tests can
 * replace it (QuarkusMock) and move the day.
 */
@ApplicationScoped
public class SeasonOverviewClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public SeasonOverviewClock() {
        this(Clock.system(ZONE));
    }

    public SeasonOverviewClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Clock clock() {
        return clock;
    }
}
