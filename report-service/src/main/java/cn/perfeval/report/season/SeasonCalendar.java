package cn.perfeval.report.season;

import cn.perfeval.report.config.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today in the county's time zone (Asia/Shanghai), the day deadlines are counted in, for every part of the
 * season (tasks, counts, the overview): one bean on report-service's {@link Clock}, so that tests move the day
 * by putting a clock of their own in place (or by replacing this bean).
 */
@ApplicationScoped
public class SeasonCalendar {

    public static final ZoneId ZONE = ClockProducer.ZONE;

    private final Clock clock;

    public SeasonCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
