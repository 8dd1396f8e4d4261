package cn.perfeval.report.render;

/**
 * Where the issuer and the date stand (GB/T 9704-2012, 7.3.5.1): the date (成文日期) four characters in
 * from the right edge, the issuer (发文机关署名) centred over the date. Widths are counted in characters
 * of the body font: a Chinese character is one, an ASCII digit or letter half of one.
 */
public final class Signature {

    /** Characters between the date's end and the right edge of the text block. */
    static final double DATE_RIGHT_INDENT = 4;

    private Signature() {
    }

    /** The width of {@code text} in body characters. */
    static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x2E80 ? 0.5 : 1;
        }
        return w;
    }

    /** Right indent of the date, in characters. */
    static double dateIndent() {
        return DATE_RIGHT_INDENT;
    }

    /**
     * Right indent of the issuer, in characters, so that its centre is the date's centre; with no date,
     * the issuer stands where the date would.
     */
    static double issuerIndent(String issuer, String date) {
        if (date == null || date.isBlank()) {
            return DATE_RIGHT_INDENT;
        }
        return Math.max(0, DATE_RIGHT_INDENT + (width(date) - width(issuer)) / 2);
    }
}
