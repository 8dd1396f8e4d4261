package cn.perfeval.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * The one envelope of every list the three services answer (docs/api.md): one page of the items, the
 * page's number and size, the number of all items, and links to the neighbouring pages that keep the
 * request's other query parameters.
 */
@Schema(description = "一页列表：本页条目、页码、每页条数、总条数和翻页链接")
public record Page<T>(
        @Schema(description = "本页的条目") List<T> items,
        @Schema(description = "页码，从 0 起", example = "0") int page,
        @Schema(description = "每页条数（1–200）", example = "50") int size,
        @Schema(description = "全部条目的数目", example = "1") long total,
        @Schema(description = "本页、首页、上一页、下一页和末页的链接") Links links) {

    /** Relative links (path and query); {@code prev}/{@code next} are left out where there is no such page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PageLinks", description = "翻页链接（路径加查询参数）")
    public record Links(@Schema(description = "本页") String self,
                        @Schema(description = "首页") String first,
                        @Schema(description = "上一页；已是首页时没有") String prev,
                        @Schema(description = "下一页；已是末页时没有") String next,
                        @Schema(description = "末页") String last) {
    }

    /** A page the store has already cut: {@code items} are the page's, {@code total} counts them all. */
    public static <T> Page<T> of(List<T> items, int page, int size, long total, UriInfo uri) {
        return of(items, page, size, total, uri.getRequestUri());
    }

    /** The same, for the request URI (its path and query are what the links keep). */
    public static <T> Page<T> of(List<T> items, int page, int size, long total, URI request) {
        long lastPage = total == 0 ? 0 : (total - 1) / size;
        return new Page<>(List.copyOf(items), page, size, total, new Links(
                link(request, page, size),
                link(request, 0, size),
                page > 0 ? link(request, (int) Math.min(page - 1, lastPage), size) : null,
                page < lastPage ? link(request, page + 1, size) : null,
                link(request, (int) lastPage, size)));
    }

    /** A page of a list held in memory. */
    public static <T> Page<T> slice(List<T> all, int page, int size, UriInfo uri) {
        return slice(all, page, size, uri.getRequestUri());
    }

    public static <T> Page<T> slice(List<T> all, int page, int size, URI request) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return of(all.subList(from, to), page, size, all.size(), request);
    }

    /** The request's path and query with {@code page} and {@code size} set (other parameters kept, in order). */
    static String link(URI request, int page, int size) {
        StringBuilder query = new StringBuilder();
        if (request.getRawQuery() != null) {
            for (String pair : request.getRawQuery().split("&")) {
                String name = pair.split("=", 2)[0];
                if (!pair.isEmpty() && !name.equals("page") && !name.equals("size")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("page=").append(page).append("&size=").append(size);
        return request.getRawPath() + "?" + query;
    }
}
