package cn.perfeval.report.render;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemType;
import cn.perfeval.report.config.ReportConfig;
import com.lowagie.text.pdf.BaseFont;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CJK font embedded in PDFs: the configured {@code report.pdf.font-path}, else
 * Debian's standard locations. Without one, PDF requests get a problem naming the package to
 * install; the other formats do not need a font.
 */
@ApplicationScoped
public class PdfFonts {

    private static final Logger LOG = Logger.getLogger(PdfFonts.class);

    /** Debian's locations, in order of preference, with the face index to use. */
    static final List<Candidate> STANDARD = List.of(
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
            new Candidate("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
            new Candidate("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            new Candidate("/usr/share/fonts/truetype/arphic/uming.ttc", 0));

    public static final String PACKAGE_HINT = "请安装 Debian 软件包 fonts-wqy-zenhei（或 fonts-noto-cjk），"
            + "或将 report.pdf.font-path 设为一个中文字体文件（TTF、OTF 或 TTC）";

    record Candidate(String path, int index) {
        String spec() {
            return path.toLowerCase().endsWith(".ttc") ? path + "," + index : path;
        }
    }

    private final ReportConfig config;
    private volatile BaseFont font;

    public PdfFonts(ReportConfig config) {
        this.config = config;
    }

    /** The path that will be used, if any. */
    public Optional<String> located() {
        return candidates().stream().filter(c -> Files.isRegularFile(Path.of(c.path()))).map(Candidate::spec).findFirst();
    }

    /** @throws ApiException 503 naming the package to install when no CJK font is found */
    public BaseFont font() {
        BaseFont f = font;
        if (f != null) {
            return f;
        }
        synchronized (this) {
            if (font == null) {
                font = load();
            }
            return font;
        }
    }

    private BaseFont load() {
        List<String> tried = new ArrayList<>();
        for (Candidate c : candidates()) {
            tried.add(c.path());
            if (!Files.isRegularFile(Path.of(c.path()))) {
                continue;
            }
            try {
                BaseFont f = BaseFont.createFont(c.spec(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                LOG.infof("PDF font: %s", c.spec());
                return f;
            } catch (Exception e) {
                LOG.warnf("PDF font %s unusable: %s", c.spec(), e.toString());
            }
        }
        throw new ApiException(ProblemType.PDF_UNAVAILABLE,
                "服务器上没有可用于 PDF 的中文字体（已查找：" + String.join("、", tried) + "）：" + PACKAGE_HINT
                        + "；其他格式（docx、html、md、json）不受影响", List.of());
    }

    private List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        config.pdf().fontPath().filter(p -> !p.isBlank()).ifPresent(p -> out.add(new Candidate(p,
                config.pdf().fontIndex().orElse(p.contains("NotoS") && p.endsWith(".ttc") ? 2 : 0))));
        if (out.isEmpty()) {
            out.addAll(STANDARD);
        }
        return out;
    }
}
