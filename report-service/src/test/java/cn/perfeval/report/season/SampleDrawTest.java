package cn.perfeval.report.season;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The random part of a sample against figures computed outside Java (Python's hashlib: sorted(units, key=lambda
 * u: sha256(f"{seed}:{u}".encode()).hexdigest())), so that the draw is the documented function and any
 * machine can repeat it.
 */
class SampleDrawTest {

    static final List<String> UNITS = List.of("114303210062309155", "114303210062309156", "114303210062309157",
            "114303210062309158", "114303210062309159");

    @Test
    void theKeyIsTheSha256OfSeedColonUnitCode() {
        assertThat(SampleDraw.key(42, "114303210062309155"))
                .isEqualTo("54c45ed51a5b585947468975689a3afcb5d9f71ef931173bb941a8d76cba7d8d");
        assertThat(SampleDraw.key(20240501, "114303210062309155"))
                .isEqualTo("63d85bc2e8118cb0d080910ffa7ee276ca4fe30e17baa9aeacceb32c0ced6528");
    }

    @Test
    void theDrawTakesTheFirstUnitsInKeyOrder() {
        assertThat(SampleDraw.draw(42, UNITS, new BigDecimal("100")))
                .containsExactly("114303210062309158", "114303210062309155", "114303210062309156", "114303210062309159", "114303210062309157");
        assertThat(SampleDraw.draw(42, UNITS, new BigDecimal("40"))).containsExactly("114303210062309158", "114303210062309155");
        assertThat(SampleDraw.draw(20240501, UNITS, new BigDecimal("40"))).containsExactly("114303210062309156", "114303210062309157");
        // the population's order as given does not matter
        assertThat(SampleDraw.draw(42, reversed(), new BigDecimal("40"))).containsExactly("114303210062309158", "114303210062309155");
    }

    private static List<String> reversed() {
        List<String> r = new java.util.ArrayList<>(UNITS);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void theCountIsRoundedUp() {
        assertThat(SampleDraw.count(new BigDecimal("20"), 10)).isEqualTo(2);
        assertThat(SampleDraw.count(new BigDecimal("20.01"), 10)).isEqualTo(3);
        assertThat(SampleDraw.count(new BigDecimal("0.01"), 1)).isEqualTo(1);
        assertThat(SampleDraw.count(new BigDecimal("100"), 7)).isEqualTo(7);
        assertThat(SampleDraw.count(new BigDecimal("33.33"), 3)).isEqualTo(1);
        assertThat(SampleDraw.count(new BigDecimal("33.34"), 3)).isEqualTo(2);
    }
}
