package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BodyEncodingTest {

    private static ProblemDetail problem(String contentType, byte[] body) {
        return BodyEncoding.problem(contentType, Buffer.buffer(body), "/x");
    }

    @Test
    void utf16AndUtf32AreRecognisedWithAndWithoutByteOrderMark() {
        String json = "{\"a\": \"正文\"}";
        assertThat(problem("application/json", json.getBytes(StandardCharsets.UTF_16LE)).detail()).contains("UTF-16（小端）");
        assertThat(problem("application/json", json.getBytes(StandardCharsets.UTF_16BE)).detail()).contains("UTF-16（大端）");
        assertThat(problem("application/json", json.getBytes(StandardCharsets.UTF_16)).detail()).contains("UTF-16（大端，带字节顺序标记）");
        assertThat(problem("application/json", json.getBytes(Charset.forName("UTF-32LE"))).detail()).contains("UTF-32（小端）");
        assertThat(problem("application/json", json.getBytes(Charset.forName("UTF-32BE"))).detail()).contains("UTF-32（大端）");
        assertThat(problem("text/csv", "201,x".getBytes(StandardCharsets.UTF_16LE)).status()).isEqualTo(415);
        assertThat(problem("application/json", json.getBytes(StandardCharsets.UTF_16LE)).errors().get(0).field()).isEqualTo("body");
    }

    @Test
    void invalidUtf8IsNamedByItsFirstByte() {
        ProblemDetail p = problem("application/json; charset=utf-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo("/problems/malformed-body");
        assertThat(p.detail()).contains("第 7 个字节（0xC3）");
        assertThat(problem("application/json", "{\"a\": \"万元\"}".getBytes(Charset.forName("GBK")))).isNotNull();
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkAndNonTextBodiesPass() {
        assertThat(problem("application/json", "{\"a\": \"正文\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(problem("application/json", "\uFEFF{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(problem("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[]{'P', 'K', 0, 0})).isNull();
        // a CSV that is not UTF-8 is the importer's to report, with its line
        assertThat(problem("text/csv", "201,万元".getBytes(Charset.forName("GBK")))).isNull();
    }
}
