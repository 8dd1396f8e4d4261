package cn.perfeval.report.api;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The HTTP layer's own refusals are problem+json too (libs/platform HttpLimits and BodySizeLimit, issue #13).
 * The body cases are sent through a raw socket, as a hostile client would: announced lengths that are not
 * kept, chunked bodies beyond the limit, chunked bodies never finished. The test profile's read timeout
 * for bodies is 2 s (application.properties).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class HttpLimitsTest {

    @Test
    void aRequestLineBeyondEightKibibytesIs414WithAProblem() {
        asAdmin().queryParam("system", "x".repeat(9000))
                .get("/api/v1/units/114303210062309155/years/2024/report")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("/problems/uri-too-long")).body("title", equalTo("请求行过长"))
                .body("errors[0].field", equalTo("URI")).body("detail", containsString("最多接受 8192"));
    }

    @Test
    void headersBeyondSixteenKibibytesAre431WithAProblem() {
        asAdmin().header("X-Padding", "x".repeat(17000))
                .get("/api/v1/units/114303210062309155/years/2024/report")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("/problems/headers-too-large")).body("title", equalTo("请求头过大"));
    }

    @Test
    void anOrdinaryRequestPassesTheLimits() {
        asAdmin().get("/api/v1/units/114303210062309155/years/2024/narrative").then().statusCode(200);
    }

    /**
     * Java's own HTTP client asks for HTTP/2 (an h2c upgrade) by default, as the demo loader does. A body sent
     * that way once reached the resource as an HTTP/2 request already read, and RESTEasy's pause of it was a 500;
     * the services speak HTTP/1.1 (quarkus.http.http2=false in libs/platform), so the client falls back.
     */
    @Test
    void aBodySentByAClientAskingForHttp2ReachesTheResource() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + NARRATIVE))
                .header("Authorization", "Bearer " + TOKENS.admin())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"overview\": 123}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo("overview");
        assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    }

    static final String NARRATIVE = "/api/v1/units/114303210062309155/years/2024/narrative";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What came back on one connection: the status, the head, the body, how long the answer took (or, without
     * one, until the connection ended) and whether the server closed the connection.
     */
    record Exchange(int status, String head, String body, long millis, boolean closed) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static String head(String method, String extra) {
        return method + " " + NARRATIVE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKENS.admin()
                + "\r\nContent-Type: application/json\r\n" + extra + "\r\n";
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Sends the head and the parts, then reads one response (by its Content-Length) and waits up to
     * {@code waitMillis} more to see whether the server closes the connection.
     */
    private static Exchange exchange(String head, int waitMillis, byte[]... parts) throws IOException {
        long start = System.currentTimeMillis();
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(waitMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (byte[] part : parts) {
                    out.write(part);
                }
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server may answer and close before taking all of it; the answer is read below
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            long answered = -1;
            int headEnd = -1;
            int length = -1;
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    got.write(buffer, 0, n);
                    String text = got.toString(StandardCharsets.ISO_8859_1);
                    if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                        for (String line : text.substring(0, headEnd).split("\r\n")) {
                            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).strip());
                            }
                        }
                    }
                    if (headEnd >= 0 && length >= 0 && got.size() >= headEnd + 4 + length) {
                        // the whole response is here: does the server close the connection after it?
                        answered = System.currentTimeMillis() - start;
                        try {
                            closed = in.read(buffer) < 0;
                        } catch (SocketTimeoutException | java.net.SocketException stillOpenOrReset) {
                            closed = stillOpenOrReset instanceof java.net.SocketException;
                        }
                        break;
                    }
                }
            } catch (SocketTimeoutException timeout) {
                // no (complete) answer in time: reported as it is
            } catch (java.net.SocketException reset) {
                closed = true;
            }
            long millis = answered >= 0 ? answered : System.currentTimeMillis() - start;
            byte[] all = got.toByteArray();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Exchange(-1, text, "", millis, closed);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String body = new String(all, end + 4, all.length - end - 4, StandardCharsets.UTF_8);
            return new Exchange(status, text.substring(0, end), body, millis, closed);
        }
    }

    @Test
    void aBodyAnnouncedFarBeyondTheLimitIs413AtOnceEvenIfItNeverArrives() throws IOException {
        Exchange e = exchange(head("PUT", "Content-Length: 99999999999\r\n"), 10_000, "{\"overview\":".getBytes(StandardCharsets.UTF_8));
        assertThat(e.status()).as(e.head()).isEqualTo(413);
        assertThat(e.millis()).as("answered without waiting for the body").isLessThan(1500);
        assertThat(e.head().toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/too-large");
        assertThat(e.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(e.json().path("detail").asText()).contains("99999999999", "4194304");
        assertThat(e.closed()).as("the connection closed once the client stopped sending").isTrue();
    }

    @Test
    void aBodyThatStopsArrivingIs408AfterTheReadTimeoutAndTheConnectionIsClosed() throws IOException {
        Exchange e = exchange(head("PUT", "Content-Length: 1000\r\n"), 10_000, "{\"overview\":".getBytes(StandardCharsets.UTF_8));
        assertThat(e.status()).as(e.head()).isEqualTo(408);
        assertThat(e.millis()).as("after the 2 s read timeout, not the 60 s idle timeout").isBetween(1900L, 6000L);
        assertThat(e.closed()).as("connection closed").isTrue();
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/request-timeout");
        assertThat(e.json().path("title").asText()).isEqualTo("请求体未送达");
        assertThat(e.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(e.json().path("detail").asText()).contains("已收到 12 字节", "Content-Length 声明 1000 字节");
    }

    @Test
    void aChunkedBodyThatIsNeverFinishedIs408() throws IOException {
        Exchange e = exchange(head("PUT", "Transfer-Encoding: chunked\r\n"), 10_000, chunk("{\"overview\":".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.status()).as(e.head()).isEqualTo(408);
        assertThat(e.closed()).isTrue();
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/request-timeout");
    }

    @Test
    void aChunkedBodyBeyondFourMebibytesIs413WithAProblem() throws IOException {
        byte[] piece = chunk("x".repeat(65_536).getBytes(StandardCharsets.UTF_8));
        byte[][] parts = new byte[81][];
        for (int i = 0; i < 80; i++) {
            parts[i] = piece;
        }
        parts[80] = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Exchange e = exchange(head("PUT", "Transfer-Encoding: chunked\r\n"), 10_000, parts);
        assertThat(e.status()).as(e.head()).isEqualTo(413);
        assertThat(e.head().toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/too-large");
        assertThat(e.json().path("detail").asText()).contains("分块", "4194304");
    }

    @Test
    void aSmallChunkedBodyReachesTheResourceAndIsReadStrictly() throws IOException {
        Exchange e = exchange(head("PUT", "Transfer-Encoding: chunked\r\n"), 10_000,
                chunk("{\"overview\": ".getBytes(StandardCharsets.UTF_8)), chunk("123}".getBytes(StandardCharsets.UTF_8)),
                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(e.status()).as(e.head() + e.body()).isEqualTo(400);
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/malformed-body");
        assertThat(e.json().path("errors").get(0).path("field").asText()).isEqualTo("overview");
    }

    @Test
    void aUtf16BodyWithoutCharsetIs415NamingTheEncoding() throws IOException {
        byte[] body = "{\"overview\": \"x\"}".getBytes(StandardCharsets.UTF_16LE);
        Exchange e = exchange(head("PUT", "Content-Length: " + body.length + "\r\n"), 10_000, body);
        assertThat(e.status()).as(e.head() + e.body()).isEqualTo(415);
        assertThat(e.json().path("detail").asText()).contains("UTF-16（小端）", "只接受 UTF-8");
        assertThat(e.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingContentType() throws IOException {
        byte[] body = "{\"overview\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        String head = "PUT " + NARRATIVE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKENS.admin()
                + "\r\nIf-Match: \"1\"\r\nContent-Length: " + body.length + "\r\n\r\n";
        Exchange e = exchange(head, 10_000, body);
        assertThat(e.status()).as(e.head() + e.body()).isEqualTo(415);
        assertThat(e.json().path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(e.json().path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(e.json().path("detail").asText()).contains("Content-Type");
    }

    /**
     * A negative, non-numeric or repeated Content-Length never reaches the service: the HTTP codec underneath
     * (Netty, through Vert.x) refuses the request as unreadable with 400 and closes the connection at once.
     * Quarkus 3.33 gives no way to replace that answer (Vert.x's invalid-request handler is not exposed), so
     * it has no body; what matters is that it is a 400 and that nothing waits.
     */
    @Test
    void aMalformedContentLengthIs400AndTheConnectionClosedAtOnce() throws IOException {
        for (String length : new String[]{"-1", "abc", "2\r\nContent-Length: 3", "99999999999999999999999"}) {
            Exchange e = exchange(head("PUT", "Content-Length: " + length + "\r\n"), 5_000, "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(e.status()).as(length + ": " + e.head()).isEqualTo(400);
            assertThat(e.closed()).as(length + ": closed").isTrue();
            assertThat(e.millis()).as(length).isLessThan(2000);
        }
    }
}
