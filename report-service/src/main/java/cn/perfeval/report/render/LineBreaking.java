package cn.perfeval.report.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Line-breaking rules for Chinese (禁则) in the PDF: no line starts with a closing mark (，。、；：？！
 * and closing brackets and quotes) and none ends with an opening one. Where a break would break
 * them, the line breaks one character earlier, and the justified line is spread instead.
 */
final class LineBreaking extends DefaultSplitCharacter {

    /** Characters that may not start a line. */
    static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…·%,.;:?!)]}";
    /** Characters that may not end a line. */
    static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    static final LineBreaking RULES = new LineBreaking();

    private LineBreaking() {
    }

    /** A chunk of text that breaks into lines by these rules. */
    static Chunk chunk(String text, Font font) {
        Chunk c = new Chunk(text == null ? "" : text, font);
        c.setSplitCharacter(RULES);
        return c;
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        if (NO_LINE_END.indexOf(getCurrentCharacter(current, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
