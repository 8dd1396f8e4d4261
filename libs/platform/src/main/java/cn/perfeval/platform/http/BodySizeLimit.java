package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * Reads every request body before any resource sees it, so that what the HTTP layer would answer with an
 * empty body, a wrong status or not at all is answered in the service's problem+json (issue #13):
 * <ul>
 *   <li>a body larger than {@code quarkus.http.limits.max-body-size} is 413, whether its
 *       {@code Content-Length} says so (answered before it is read) or it arrives in chunks
 *       ({@code Transfer-Encoding: chunked}, answered when the limit is passed);</li>
 *   <li>a body that stops arriving — announced longer than what is sent, or a chunked body that is never
 *       finished — is 408 once nothing has arrived for {@code perfeval.http.body-read-timeout} (default 30 s),
 *       and the connection is closed;</li>
 *   <li>a JSON or text body that is not UTF-8 is refused without being parsed ({@link BodyEncoding}).</li>
 * </ul>
 * A refused body is read and discarded up to {@link #DRAIN_LIMIT}, so that a client still sending sees the
 * answer instead of a reset connection; beyond it, or once the client stops sending, the connection is closed.
 * The body read here is handed to the resource as it is ({@code RoutingContext#setBody}).
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Bodies refused are read and discarded up to this size; beyond it the connection is closed. */
    public static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final long maxBytes;
    private final long readTimeoutMillis;
    private final ObjectMapper mapper;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max,
                         @ConfigProperty(name = "perfeval.http.body-read-timeout", defaultValue = "30s") Duration readTimeout,
                         ObjectMapper mapper) {
        this.maxBytes = max.asLongValue();
        this.readTimeoutMillis = Math.max(100, readTimeout.toMillis());
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::read);
    }

    /** What happened to one body while it was read. */
    private static final class Reading {
        long lastArrival = System.currentTimeMillis();
        long received;
        boolean refused;
        boolean finished;
        long timer = -1;
    }

    private void read(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader("Content-Length");
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1; // the HTTP codec refuses such a request before it gets here
            }
        }
        if (request.isEnded() || (!chunked && declared <= 0)) {
            rc.next();
            return;
        }
        Reading reading = new Reading();
        if (declared > maxBytes) {
            refuse(rc, reading, tooLarge(rc, "请求体有 " + declared + " 字节，最多接受 " + maxBytes + " 字节"));
        }
        Buffer body = Buffer.buffer(declared > 0 && !reading.refused ? (int) declared : 4096);
        request.handler(chunk -> {
            reading.lastArrival = System.currentTimeMillis();
            reading.received += chunk.length();
            if (reading.refused) {
                if (reading.received > DRAIN_LIMIT) {
                    request.connection().close();
                }
                return;
            }
            if (reading.received > maxBytes) {
                refuse(rc, reading, tooLarge(rc, "分块送达的请求体已超过 " + maxBytes + " 字节，最多接受 " + maxBytes + " 字节"));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> finish(rc, reading));
        request.endHandler(v -> {
            finish(rc, reading);
            if (reading.refused || rc.response().ended()) {
                return;
            }
            ProblemDetail encoding = BodyEncoding.problem(request.getHeader("Content-Type"), body, request.path());
            if (encoding != null) {
                HttpLimits.respond(rc, encoding, mapper);
                return;
            }
            rc.setBody(body);
            rc.next();
        });
        long period = Math.max(50, readTimeoutMillis / 4);
        reading.timer = rc.vertx().setPeriodic(period, id -> {
            if (reading.finished) {
                rc.vertx().cancelTimer(id);
                return;
            }
            long quiet = System.currentTimeMillis() - reading.lastArrival;
            if (quiet < readTimeoutMillis) {
                return;
            }
            finish(rc, reading);
            if (!rc.response().ended()) {
                String detail = "请求体在 " + (readTimeoutMillis / 1000.0) + " 秒内没有继续送达（已收到 " + reading.received + " 字节"
                        + (length == null ? "" : "，Content-Length 声明 " + length.strip() + " 字节") + "）；连接已关闭";
                rc.response().putHeader("Connection", "close");
                HttpLimits.respond(rc, ProblemType.REQUEST_TIMEOUT.problem(detail, request.path(),
                        List.of(new ProblemDetail.FieldError("body", detail, null))), mapper);
            }
            request.connection().close();
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !reading.refused) {
            rc.response().writeContinue();
        }
        request.resume();
    }

    private void finish(RoutingContext rc, Reading reading) {
        reading.finished = true;
        if (reading.timer >= 0) {
            rc.vertx().cancelTimer(reading.timer);
        }
    }

    private ProblemDetail tooLarge(RoutingContext rc, String detail) {
        return ProblemType.TOO_LARGE.problem(detail, rc.request().path(), List.of(new ProblemDetail.FieldError("body", detail, null)));
    }

    /** Answers now; the rest of the body is read and discarded (or the connection closed past the drain limit). */
    private void refuse(RoutingContext rc, Reading reading, ProblemDetail problem) {
        reading.refused = true;
        HttpLimits.respond(rc, problem, mapper);
    }
}
