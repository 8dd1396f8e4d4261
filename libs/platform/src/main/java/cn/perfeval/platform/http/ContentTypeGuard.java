package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ApiException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;

/**
 * A request body says what it is: one without a {@code Content-Type}, or one declared in another encoding
 * than UTF-8 ({@code charset=UTF-16}), is refused with 415 before it is read, instead of being guessed at.
 * (Issue #13: bodies without a Content-Type and UTF-16 bodies were accepted.)
 */
public class ContentTypeGuard {

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        String method = request.method().name();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null
                || (length != null && !length.strip().equals("0"));
        if (!body) {
            return;
        }
        String type = request.getHeader("Content-Type");
        if (type == null || type.isBlank()) {
            throw ApiException.unsupportedMediaType("请求体须给出 Content-Type：JSON 为 application/json，导入的工作簿为 xlsx 或 CSV 的类型");
        }
        for (String parameter : type.split(";")) {
            String[] kv = parameter.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                String charset = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw ApiException.unsupportedMediaType("请求体须为 UTF-8 编码（收到 charset=" + kv[1].strip() + "）");
                }
            }
        }
    }
}
