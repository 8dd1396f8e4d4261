package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A JSON or text body is UTF-8, whatever its {@code Content-Type} leaves unsaid. The JSON parser would
 * recognise UTF-16 and UTF-32 from the first bytes and read them anyway (issue #13: UTF-16 bodies without a
 * charset were accepted); here such a body is 415 naming the encoding found, and a body whose bytes are not
 * UTF-8 is 400 naming the first offending byte — both before anything parses it. A UTF-8 byte order mark is
 * allowed. (A declared charset other than UTF-8 is {@link ContentTypeGuard}'s.)
 */
public final class BodyEncoding {

    private BodyEncoding() {
    }

    /** The problem with this body's encoding, or null when it is UTF-8 or not text at all (a workbook). */
    static ProblemDetail problem(String contentType, Buffer body, String path) {
        if (!text(contentType) || body.length() == 0) {
            return null;
        }
        byte[] bytes = body.getBytes();
        String wide = wideEncoding(bytes);
        if (wide != null) {
            String detail = "请求体是 " + wide + " 编码；只接受 UTF-8 编码的请求体";
            return ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(detail, path, List.of(new ProblemDetail.FieldError("body", detail, null)));
        }
        if (!json(contentType)) {
            return null; // a CSV import reports its own line and column
        }
        int bad = firstInvalidUtf8(bytes);
        if (bad >= 0) {
            String detail = "请求体不是合法的 UTF-8 文本：第 " + (bad + 1) + " 个字节（0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + "）起的字节不构成 UTF-8 字符；只接受 UTF-8 编码的请求体";
            return ProblemType.MALFORMED_BODY.problem(detail, path, List.of(new ProblemDetail.FieldError("body", detail, null)));
        }
        return null;
    }

    private static boolean text(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return json(t) || t.startsWith("text/");
    }

    private static boolean json(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return t.equals("application/json") || t.endsWith("+json");
    }

    /**
     * UTF-16 or UTF-32, by byte order mark or by the zero bytes that ASCII characters have in them
     * (RFC 4627 §3: the first two characters of JSON are ASCII); null for anything else.
     */
    static String wideEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32（大端，带字节顺序标记）";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32（小端，带字节顺序标记）";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "UTF-16（大端，带字节顺序标记）";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "UTF-16（小端，带字节顺序标记）";
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return "UTF-32（大端）";
        }
        if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return "UTF-32（小端）";
        }
        if (n >= 2 && b[0] == 0 && b[1] != 0) {
            return "UTF-16（大端）";
        }
        if (n >= 2 && b[0] != 0 && b[1] == 0) {
            return "UTF-16（小端）";
        }
        return null;
    }

    /** The index of the first byte that does not start or continue a UTF-8 character, or -1. */
    static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return -1;
        }
    }
}
