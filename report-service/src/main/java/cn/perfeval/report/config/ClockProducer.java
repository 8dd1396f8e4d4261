package cn.perfeval.report.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of report-service: the system clock in Asia/Shanghai, the time zone of the deadlines. A default
 * bean, so that tests can put a clock they move in its place (a bean of type {@link Clock} of their own).
 */
@Singleton
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
