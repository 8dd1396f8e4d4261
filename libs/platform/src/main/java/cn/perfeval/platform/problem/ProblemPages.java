package cn.perfeval.platform.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The pages the {@code type} of a problem resolves to ({@code /problems/validation} against the
 * service that answered it): what the problem means and what to do, in Chinese, without a token.
 * Documentation for people, so not an operation of the OpenAPI document.
 */
@Path("/problems")
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProblemPages {

    @GET
    @Operation(hidden = true)
    public String index() {
        String rows = Arrays.stream(ProblemType.values())
                .map(t -> "<tr><td>" + t.status() + "</td><td><a href=\"" + t.uri() + "\">" + t.title() + "</a></td><td>"
                        + escape(t.meaning()) + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return page("问题类型", "<p>每个错误响应（application/problem+json）的 type 指向下列页面之一。</p>\n"
                + "<table><tr><th>状态码</th><th>问题类型</th><th>含义</th></tr>\n" + rows + "\n</table>");
    }

    @GET
    @Path("/{kind}")
    @Operation(hidden = true)
    public String kind(@PathParam("kind") String kind) {
        ProblemType t = ProblemType.ofKind(kind).orElseThrow(() -> ApiException.notFound("没有这一问题类型；全部类型见 /problems"));
        return page(t.title(), "<p>HTTP 状态码：" + t.status() + "</p>\n<h2>含义</h2>\n<p>" + escape(t.meaning())
                + "</p>\n<h2>怎么办</h2>\n<p>" + escape(t.remedy()) + "</p>\n<p><a href=\"/problems\">全部问题类型</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title + "</title></head>\n<body><h1>"
                + title + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
