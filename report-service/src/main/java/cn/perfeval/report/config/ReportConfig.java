package cn.perfeval.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Topic budgetEvents();

    Topic scoreEvents();

    /** Consumer group of the read model. */
    @WithDefault("report-service")
    String consumerGroup();

    interface Topic {
        String topic();
    }
}
