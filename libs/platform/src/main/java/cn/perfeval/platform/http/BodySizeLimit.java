package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} before it is read, with
 * 413 and the service's problem+json (the HTTP layer alone would answer with an empty body).
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Bodies refused are read and discarded up to this size; beyond it the connection is closed. */
    public static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final long maxBytes;
    private final ObjectMapper mapper;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper mapper) {
        this.maxBytes = max.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxBytes) {
                String detail = "请求体有 " + declared + " 字节，最多接受 " + maxBytes + " 字节";
                ProblemDetail p = ProblemType.TOO_LARGE.problem(detail, rc.request().path(),
                        List.of(new ProblemDetail.FieldError("body", detail, null)));
                Runnable answer = () -> HttpLimits.respond(rc, p, mapper);
                if (rc.request().isEnded()) {
                    answer.run();
                    return;
                }
                // Read and discard the body before answering, so that the client, still sending, sees
                // the answer instead of a reset connection; give up on bodies beyond DRAIN_LIMIT.
                long[] drained = {0};
                rc.request().handler(buf -> {
                    drained[0] += buf.length();
                    if (drained[0] > DRAIN_LIMIT) {
                        rc.request().connection().close();
                    }
                });
                rc.request().endHandler(v -> answer.run());
                rc.request().resume();
                return;
            }
            rc.next();
        });
    }
}
