package cn.perfeval.platform.problem;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void everyTypeHasAPageInChineseAtItsUri() {
        ProblemPages pages = new ProblemPages();
        for (ProblemType t : ProblemType.values()) {
            assertThat(t.uri()).isEqualTo("/problems/" + t.kind());
            assertThat(HAN.matcher(t.title()).find()).as(t.kind()).isTrue();
            String page = pages.kind(t.kind());
            assertThat(page).contains(t.title(), t.meaning(), t.remedy(), String.valueOf(t.status()));
            assertThat(pages.index()).contains("href=\"" + t.uri() + "\"");
        }
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::kind).distinct().count())
                .isEqualTo(ProblemType.values().length);
    }

    @Test
    void anUnknownKindIsNotFound() {
        try {
            new ProblemPages().kind("nope");
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(404);
            return;
        }
        throw new AssertionError("expected 404");
    }

    @Test
    void aStatusWithoutItsOwnTypeFallsBackByClass() {
        assertThat(ProblemType.ofStatus(412)).isEqualTo(ProblemType.STALE_VERSION);
        assertThat(ProblemType.ofStatus(418)).isEqualTo(ProblemType.VALIDATION);
        assertThat(ProblemType.ofStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }
}
