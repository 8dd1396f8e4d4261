package cn.perfeval.platform.text;

import jakarta.validation.ConstraintValidatorContext;

/**
 * The one text policy of the three services. Everything they store ends up in reports (DOCX, PDF,
 * HTML, Markdown), spreadsheets and dashboards, so text that would act there instead of being read
 * is refused where it enters (400, naming the field):
 * <ul>
 *   <li>every text ({@link PlainText}, free text: reasons, narratives, descriptions): control
 *       characters other than tab and line breaks (C0, DEL, C1: PostgreSQL refuses NUL, DOCX/XLSX
 *       XML refuses the others, ANSI escapes rewrite logs); bidirectional controls and invisible
 *       formatting characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+061C, U+FEFF), which
 *       make a text read differently from what it is ("Trojan Source"); unpaired surrogates, which
 *       are not characters and cannot be stored as UTF-8. Markup and a leading {@code =} stay
 *       allowed in free text: it is data, and every output escapes it (HTML, Markdown) or writes
 *       it as a text cell (XLSX);</li>
 *   <li>names in addition ({@link PlainName}: of units, rows, items, systems, indicators, grades,
 *       persons; cells of tables): one line without tabs; no markup characters {@code <} {@code >};
 *       no leading {@code = + - @}, which a spreadsheet would run as a formula.</li>
 * </ul>
 * SQL look-alikes are never refused: queries are parameterised, so they are stored verbatim.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** Why a free text is refused, or null. */
    public static String freeTextProblem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return String.format("不得包含控制字符（U+%04X，第%d个字符）", (int) c, i + 1);
            }
            if (invisible(c)) {
                return String.format("不得包含双向控制字符或不可见的格式字符（U+%04X，第%d个字符）", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "不得包含不成对的代理字符（第" + (i + 1) + "个字符）";
            }
            if (Character.isLowSurrogate(c)) {
                return "不得包含不成对的代理字符（第" + (i + 1) + "个字符）";
            }
        }
        return null;
    }

    /** Why a name is refused, or null. */
    public static String nameProblem(String s) {
        String p = freeTextProblem(s);
        if (s == null || p != null) {
            return p;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                return "须为一行，不得包含换行符或制表符（第" + (i + 1) + "个字符）";
            }
            if (c == '<' || c == '>') {
                return "不得包含标记字符 < 或 >（第" + (i + 1) + "个字符）";
            }
        }
        String t = s.strip();
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            return "不得以 =、+、- 或 @ 开头（电子表格会把它当作公式执行）";
        }
        return null;
    }

    /** True without a problem; else the problem becomes the message of the violation. */
    static boolean accept(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }

    private static boolean invisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069') || c == '\u061C' || c == '\uFEFF';
    }
}
