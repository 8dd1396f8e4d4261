package cn.perfeval.deploy.demo;

/**
 * Loads what the golden case records in scoring-service beyond the budget figures (which reach
 * it through Kafka): nothing yet; judgements and published scores come with their APIs.
 */
public final class ScoringDemo {

    private ScoringDemo() {
    }

    public static void load(DemoContext ctx) {
        // scoring-service has no write API yet: the golden case's scores follow from its budget events.
    }
}
