package cn.perfeval.platform.api;

import cn.perfeval.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    private static final URI REQUEST = URI.create("http://localhost:8081/api/v1/units?county=%E6%B9%98%E6%BD%AD%E5%8E%BF&page=1&size=2");

    @Test
    void linksKeepTheOtherParametersAndLeaveOutPagesThatDoNotExist() {
        List<Integer> all = IntStream.range(0, 5).boxed().toList();
        Page<Integer> middle = Page.slice(all, 1, 2, REQUEST);
        assertThat(middle.items()).containsExactly(2, 3);
        assertThat(middle.total()).isEqualTo(5);
        assertThat(middle.links().self()).isEqualTo("/api/v1/units?county=%E6%B9%98%E6%BD%AD%E5%8E%BF&page=1&size=2");
        assertThat(middle.links().first()).endsWith("page=0&size=2");
        assertThat(middle.links().prev()).endsWith("page=0&size=2");
        assertThat(middle.links().next()).endsWith("page=2&size=2");
        assertThat(middle.links().last()).endsWith("page=2&size=2");

        Page<Integer> first = Page.slice(all, 0, 2, REQUEST);
        assertThat(first.links().prev()).isNull();
        Page<Integer> last = Page.slice(all, 2, 2, REQUEST);
        assertThat(last.items()).containsExactly(4);
        assertThat(last.links().next()).isNull();
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndPointsBackToTheLastOne() {
        Page<Integer> beyond = Page.slice(List.of(1, 2, 3), 7, 2, REQUEST);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.links().prev()).endsWith("page=1&size=2");
        assertThat(beyond.links().next()).isNull();
        Page<Integer> none = Page.slice(List.<Integer>of(), 0, 50, URI.create("/api/v1/systems"));
        assertThat(none.links().self()).isEqualTo("/api/v1/systems?page=0&size=50");
        assertThat(none.links().last()).isEqualTo("/api/v1/systems?page=0&size=50");
    }

    @Test
    void ifMatchNamesAVersionOrIsRefused() {
        assertThat(Versions.ifMatch(null)).isNull();
        assertThat(Versions.ifMatch("\"3\"")).isEqualTo(3L);
        assertThat(Versions.ifMatch("W/\"3\"")).isEqualTo(3L);
        assertThat(Versions.ifMatch("3")).isEqualTo(3L);
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
        assertThatThrownBy(() -> Versions.ifMatch("\"abc\"")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> Versions.check(2L, 3, "叙述")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(412))
                .hasMessageContaining("当前版本为 3");
        Versions.check(3L, 3, "叙述");
        Versions.check(null, 3, "叙述");
        assertThatThrownBy(() -> Versions.requireIfMatch(null, true, "叙述")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(428));
        Versions.requireIfMatch(null, false, "叙述");
    }
}
