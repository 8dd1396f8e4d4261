package cn.perfeval.deploy.demo;

/**
 * Loads what the golden case records in report-service: nothing yet; the narrative comes with
 * the narrative API. The report's tables and scores arrive through Kafka.
 */
public final class ReportDemo {

    private ReportDemo() {
    }

    public static void load(DemoContext ctx) {
        // report-service has no write API yet.
    }
}
