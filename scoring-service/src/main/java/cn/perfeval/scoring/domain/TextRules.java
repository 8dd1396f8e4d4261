package cn.perfeval.scoring.domain;

/**
 * What text this service stores. Everything it stores ends up in reports (DOCX, PDF, HTML),
 * spreadsheets and dashboards of other services, so text that would act there instead of being
 * read is refused where it enters:
 * <ul>
 *   <li>control characters (free text may keep line breaks and tabs);</li>
 *   <li>bidirectional controls and invisible characters (U+200B–U+200F, U+202A–U+202E,
 *       U+2060–U+2069, U+061C, U+FEFF), which make a text display differently from what it says;</li>
 *   <li>in names only: markup ({@code <}, {@code >}) and a leading {@code = + - @}, which a
 *       spreadsheet would run as a formula.</li>
 * </ul>
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why a name (of a system, indicator, grade, person) is refused, or null. */
    public static String nameProblem(String s) {
        if (s == null) {
            return null;
        }
        String p = freeTextProblem(s);
        if (p != null) {
            return p;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                return "must be one line without tabs";
            }
            if (c == '<' || c == '>') {
                return "must not contain markup characters < or >";
            }
        }
        String t = s.strip();
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            return "must not start with =, +, - or @ (a spreadsheet would read it as a formula)";
        }
        return null;
    }

    /** Why a free text (a reason, a description) is refused, or null. */
    public static String freeTextProblem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + ")";
            }
            if (invisible(c)) {
                return "must not contain bidirectional or invisible formatting characters (U+"
                        + String.format("%04X", (int) c) + ")";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))) {
                if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                    return "must not contain unpaired surrogates";
                }
            }
        }
        return null;
    }

    private static boolean invisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069') || c == '\u061C' || c == '\uFEFF';
    }
}
