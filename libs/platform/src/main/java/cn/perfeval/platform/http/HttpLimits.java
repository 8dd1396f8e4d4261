package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The HTTP layer's own refusals in the service's problem+json, instead of the empty answers of the
 * server underneath (issue #13): a request line longer than {@link #MAX_REQUEST_LINE} characters is
 * 414, headers of more than {@link #MAX_HEADER_BYTES} bytes are 431, and any failure the routing layer
 * itself answers (a chunked body beyond the size limit, a malformed request) carries a problem body.
 * The server's own limits sit far above these (META-INF/microprofile-config.properties of this library),
 * so that these checks, not the server, answer every ordinary case of too much.
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_REQUEST_LINE = 8192;
    public static final int MAX_HEADER_BYTES = 16384;

    private static final Logger LOG = Logger.getLogger(HttpLimits.class);

    private final ObjectMapper mapper;

    public HttpLimits(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1100).handler(rc -> {
            HttpServerRequest request = rc.request();
            int line = request.method().name().length() + 1 + request.uri().length() + 9;
            if (line > MAX_REQUEST_LINE) {
                answer(rc, 414, "请求行有 " + line + " 个字符，最多接受 " + MAX_REQUEST_LINE + " 个：请缩短路径或查询参数",
                        "URI");
                return;
            }
            long headerBytes = 0;
            for (Map.Entry<String, String> h : request.headers()) {
                headerBytes += h.getKey().length() + h.getValue().length() + 4;
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                answer(rc, 431, "请求头共 " + headerBytes + " 字节，最多接受 " + MAX_HEADER_BYTES + " 字节", "headers");
                return;
            }
            rc.next();
        });
        router.route().order(-1100).failureHandler(rc -> {
            int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
            if (rc.response().headWritten()) {
                rc.next();
                return;
            }
            if (status >= 500) {
                LOG.error("request failed in the HTTP layer", rc.failure());
            }
            answer(rc, status, switch (status) {
                case 413 -> "请求体超过服务接受的大小";
                case 400 -> "请求无法读取";
                default -> status >= 500 ? "请求未能完成，也未改变任何数据" : "请求无法处理";
            }, null);
        });
    }

    private void answer(RoutingContext rc, int status, String detail, String field) {
        ProblemType type = switch (status) {
            case 413 -> ProblemType.TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            default -> ProblemType.ofStatus(status);
        };
        respond(rc, new ProblemDetail(type.uri(), type.title(), status, detail, rc.request().path(),
                field == null ? List.of() : List.of(new ProblemDetail.FieldError(field, detail, null))), mapper);
    }

    /** Answers a problem from the routing layer, before any resource runs (unless an answer was already sent). */
    static void respond(RoutingContext rc, ProblemDetail problem, ObjectMapper mapper) {
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (Exception e) {
            json = "{\"status\":" + problem.status() + "}";
        }
        if (!rc.response().ended()) {
            rc.response().setStatusCode(problem.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE).end(json);
        }
    }
}
