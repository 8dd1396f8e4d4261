package cn.perfeval.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes a record unreadable, and the reason it is dead-lettered with. */
class EventCodecTest {

    static final String BUDGET = """
            {"type": "BudgetUnitYearChanged", "schemaVersion": %s, "unitCode": "U1", "fiscalYear": 2024, "version": 3,
             "unit": {"code": "U1", "name": "某单位", "county": "湘潭县"}, "measures": {"basicBudget": 3274.34},
             "addedLater": {"x": 1}}""";
    static final String SCORE = """
            {"type": "UnitYearScored", "schemaVersion": %s, "unitCode": "U1", "fiscalYear": 2024, "version": 2,
             "budgetVersion": 3, "system": {"code": "xiangtan-county", "version": 1}, "total": 93}""";

    @Test
    void aKnownMajorIsReadAndUnknownFieldsAreIgnored() throws Exception {
        BudgetUnitYearChanged b = EventCodec.readBudgetEvent(BUDGET.formatted(1).getBytes(StandardCharsets.UTF_8));
        assertThat(b.version()).isEqualTo(3);
        assertThat(b.measures().get("basicBudget")).isEqualByComparingTo("3274.34");
        assertThat(b.measures().get("basicBudget").toPlainString()).isEqualTo("3274.34");
        UnitYearScored s = EventCodec.readScoreEvent(SCORE.formatted(1));
        assertThat(s.system().code()).isEqualTo("xiangtan-county");
    }

    @Test
    void anUnknownMajorIsRefusedWithTheSupportedOnes() {
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(BUDGET.formatted(2)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("invalid: schemaVersion 2 not supported; supported: 1");
        assertThatThrownBy(() -> EventCodec.readScoreEvent(SCORE.formatted(2)))
                .hasMessage("invalid: schemaVersion 2 not supported; supported: 1");
        assertThatThrownBy(() -> EventCodec.readScoreEvent(SCORE.formatted("\"1\"")))
                .hasMessage("invalid: schemaVersion must be an integer");
        assertThatThrownBy(() -> EventCodec.readScoreEvent(SCORE.replace("\"schemaVersion\": %s, ", "")))
                .hasMessage("invalid: schemaVersion is required");
    }

    @Test
    void recordsThatAreNotEventsAreUndecodableOrInvalid() {
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'}))
                .hasMessage("undecodable: the value is not UTF-8");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent("{\"type\": ")).hasMessageStartingWith("undecodable: ");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent("[1]")).hasMessage("invalid: not a JSON object");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(SCORE.formatted(1)))
                .hasMessage("invalid: type must be BudgetUnitYearChanged (unknown event type UnitYearScored)");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(BUDGET.formatted(1).replace("\"version\": 3", "\"version\": 0")))
                .hasMessage("invalid: unitCode, fiscalYear and a positive version are required");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(BUDGET.formatted(1).replace("3274.34", "\"many\"")))
                .hasMessage("invalid: measures must be an object of decimals");
        assertThatThrownBy(() -> EventCodec.readBudgetEvent(BUDGET.formatted(1).replace("\"fiscalYear\": 2024",
                "\"fiscalYear\": 2024, \"fiscalYear\": 2025"))).hasMessageStartingWith("undecodable: ");
        assertThatThrownBy(() -> EventCodec.readScoreEvent(SCORE.formatted(1).replace("\"total\": 93", "\"total\": \"x\"")))
                .hasMessage("invalid: total is not of the expected type");
        assertThatThrownBy(() -> EventCodec.readScoreEvent(SCORE.formatted(1).replace("\"system\": {\"code\": \"xiangtan-county\", \"version\": 1}, ", "")))
                .hasMessage("invalid: system.code is required");
    }
}
