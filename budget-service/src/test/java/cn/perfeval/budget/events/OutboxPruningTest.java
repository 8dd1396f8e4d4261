package cn.perfeval.budget.events;

import cn.perfeval.platform.outbox.OutboxEvent;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay deletes relayed outbox rows once they are older than perfeval.outbox.retention (7 days),
 * and keeps younger ones and those not relayed yet (the test profile prunes every second).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class OutboxPruningTest {

    @Test
    void relayedRowsOlderThanTheRetentionAreDeleted() {
        String unit = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long old = row(unit + ":2020", OffsetDateTime.now().minusDays(8), OffsetDateTime.now().minusDays(8));
        long recent = row(unit + ":2021", OffsetDateTime.now().minusDays(6), OffsetDateTime.now().minusDays(6));

        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(old));
        assertThat(exists(recent)).isTrue();
    }

    @Transactional
    long row(String key, OffsetDateTime createdAt, OffsetDateTime publishedAt) {
        OutboxEvent e = new OutboxEvent();
        e.topic = "budget-events";
        e.recordKey = key;
        e.eventType = "BudgetUnitYearChanged";
        e.payload = "{}";
        e.createdAt = createdAt;
        e.publishedAt = publishedAt;
        e.persist();
        return e.id;
    }

    @Transactional
    boolean exists(long id) {
        return OutboxEvent.findById(id) != null;
    }
}
