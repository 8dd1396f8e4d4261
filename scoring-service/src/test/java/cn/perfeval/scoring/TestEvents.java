package cn.perfeval.scoring;

import cn.perfeval.testsupport.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Budget events in, score events out, through the embedded broker. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The golden case's measures, as budget-service publishes them (万元; staff in persons). */
    /** What the golden report publishes: its printed working, points per indicator and group, total and grade (良). */
    public static final Map<String, Object> GOLDEN_PUBLISHED = Map.of(
            "indicators", List.of(
                    Map.of("name", "预算调整率", "printedValue", "307/4988=6.2%", "maxPoints", 5, "points", 4),
                    Map.of("name", "基本支出预算控制率", "printedValue", "3553/3274=108%", "maxPoints", 5, "points", 4),
                    Map.of("name", "项目支出预算控制率", "printedValue", "860/1714=50%", "maxPoints", 5, "points", 5),
                    Map.of("name", "年末结余", "printedValue", "年末无资金结余", "maxPoints", 5, "points", 5),
                    Map.of("name", "三公经费控制率", "printedValue", "0/12=0", "maxPoints", 5, "points", 5),
                    Map.of("name", "管理制度健全", "maxPoints", 5, "points", 4),
                    Map.of("name", "专账核算管理", "maxPoints", 5, "points", 5),
                    Map.of("name", "职责履行", "maxPoints", 45, "points", 42)),
            "groups", List.of(Map.of("name", "预算执行", "maxPoints", 30, "points", 28),
                    Map.of("name", "预算管理", "maxPoints", 20, "points", 19),
                    Map.of("name", "资产管理", "maxPoints", 5, "points", 4),
                    Map.of("name", "产出效果", "maxPoints", 45, "points", 42)),
            "total", 93, "grade", "良");

    public static final String GOLDEN_MEASURES = """
            {"yearStartBudget": 4988.65, "basicBudget": 3274.34, "projectBudget": 1714.31,
             "adjustmentIncrease": 307, "adjustmentDecrease": 0, "adjustmentNet": 307, "adjustedBudget": 5295.65,
             "basicActual": 3553, "projectActual": 860, "totalActual": 4413, "yearEndBalance": 0,
             "threePublicBudget": 12, "threePublicActual": 0, "staffAuthorized": 136, "staffInService": 125}""";

    private TestEvents() {
    }

    /** Matches a JSON number exactly as a decimal (rest-assured reads decimals as BigDecimal with {@link #DECIMALS}). */
    public static org.hamcrest.Matcher<Object> decimal(String expected) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual != null && new java.math.BigDecimal(actual.toString()).compareTo(new java.math.BigDecimal(expected)) == 0;
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("the decimal " + expected);
            }
        };
    }

    /** Decimals read as BigDecimal, never as float. */
    public static final io.restassured.config.RestAssuredConfig DECIMALS = io.restassured.config.RestAssuredConfig.config()
            .jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                    .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    public static String newUnit() {
        return "G" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    public static String budgetEvent(String unit, String county, long version, String measures) {
        return """
                {"eventId": "%s", "type": "BudgetUnitYearChanged", "schemaVersion": 1,
                 "unitCode": "%s", "fiscalYear": 2024, "version": %d,
                 "unit": {"code": "%s", "name": "湘潭县中路铺镇人民政府", "county": "%s", "province": "湖南省"},
                 "amountUnit": "万元", "measures": %s}
                """.formatted(UUID.randomUUID(), unit, version, unit, county, measures);
    }

    public static void send(String key, String... values) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                p.send(new ProducerRecord<>("budget-events", key, v));
            }
            p.flush();
        }
    }

    /** The score events of a key read from the start of score-events, until one matches. */
    public static List<JsonNode> scoreEventsUntil(String key, Predicate<JsonNode> last) {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("score-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(key)) {
                        events.add(read(r.value()));
                    }
                });
                return events.stream().anyMatch(last);
            });
        }
        return events;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
