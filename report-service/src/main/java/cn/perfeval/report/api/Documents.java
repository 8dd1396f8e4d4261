package cn.perfeval.report.api;

import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * How report-service answers a document, whichever endpoint made it (the report, a submitted report, the county
 * summary, the monitoring reports, the season's review summary): text formats declare UTF-8, file formats carry
 * a file name, shown in the browser ({@link Disposition#INLINE}) or offered for saving
 * ({@link Disposition#ATTACHMENT}); JSON is neither.
 */
public final class Documents {

    /** Whether a browser shows the file or saves it. */
    public enum Disposition {
        INLINE("inline"), ATTACHMENT("attachment");

        private final String header;

        Disposition(String header) {
            this.header = header;
        }
    }

    private static final Set<String> TEXT = Set.of("html", "md");
    private static final Set<String> FILES = Set.of("docx", "pdf", "xlsx");

    private Documents() {
    }

    /**
     * @param body      the rendered document (bytes, text, or an object Jackson writes for JSON)
     * @param format    the format chosen (docx, pdf, xlsx, html, md, json)
     * @param mediaType its media type
     * @param filename  the file name without its extension
     */
    public static Response answer(Object body, String format, String mediaType, Disposition disposition, String filename) {
        Response.ResponseBuilder r = Response.ok(body, mediaType + (TEXT.contains(format) ? ";charset=UTF-8" : ""));
        if (FILES.contains(format)) {
            r.header("Content-Disposition", disposition.header + "; filename=\"" + filename + "." + format + "\"");
        }
        return r.build();
    }
}
