package cn.perfeval.platform.api;

import cn.perfeval.platform.problem.ApiException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a replaceable resource on the wire (docs/api.md): {@code ETag: "5"} on GET and PUT,
 * {@code If-Match: "5"} on a PUT, 412 when it is stale and 428 when a PUT would overwrite what a person
 * wrote without saying which version it replaces.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Versions() {
    }

    /** The entity tag of a version: {@code "5"}, quotes included. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or {@code null} without one; a 400 for anything else. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = TAG.matcher(header.strip());
        if (!m.matches()) {
            throw ApiException.invalid("If-Match", "If-Match 应为先前读到的版本号（ETag），例如 \"3\"", header);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * The rule of a PUT that replaces a resource: 428 when it exists and If-Match is missing ({@link #requireIfMatch}),
     * 412 when If-Match names another version than the current one ({@link #check}; 0 while it does not exist).
     */
    public static void requireMatch(Long ifMatch, boolean exists, long current, String what) {
        requireIfMatch(ifMatch, exists, what);
        check(ifMatch, current, what);
    }

    /** 428 when the resource exists and the PUT does not say which version it replaces. */
    public static void requireIfMatch(Long ifMatch, boolean exists, String what) {
        if (exists && ifMatch == null) {
            throw ApiException.preconditionRequired(what + "已存在，替换时须在 If-Match 中给出读到的版本（ETag），以免覆盖他人的修改");
        }
    }

    /** 412 when If-Match names another version than the current one. */
    public static void check(Long ifMatch, long current, String what) {
        if (ifMatch != null && ifMatch != current) {
            throw ApiException.preconditionFailed(what + "已被修改：If-Match 为版本 " + ifMatch + "，当前版本为 " + current
                    + "；请重新读取后再提交");
        }
    }
}
