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

    private static final String NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    private static final String NOTO_SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc";
    private static final String NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    private static final String WQY_ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private static final String WQY_MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private static final String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";

    /**
     * Faces by role, nearest first, as Debian installs them (face 0 of the AR PL TTCs is the CN one, face 2 of
     * Noto's is SC): 小标宋 → a bold or plain serif (宋/明); 黑体 → a sans; 楷体 → AR PL UKai; 仿宋 → a serif;
     * 宋体 → a serif. A role none of whose faces is installed takes the body's face, and the body the first
     * face of {@link #STANDARD} found: with one font installed, one face serves every role.
     */
    static final List<Candidate> TITLE = List.of(new Candidate(NOTO_SERIF_BOLD, 2), new Candidate(NOTO_SERIF, 2), new Candidate(UMING, 0));
    static final List<Candidate> HEADING1 = List.of(new Candidate(WQY_ZENHEI, 0), new Candidate(NOTO_SANS, 2), new Candidate(WQY_MICROHEI, 0));
    static final List<Candidate> HEADING2 = List.of(new Candidate(UKAI, 0));
    static final List<Candidate> BODY = List.of(new Candidate(NOTO_SERIF, 2), new Candidate(UMING, 0));
    static final List<Candidate> PAGE_NUMBER = List.of(new Candidate(UMING, 0), new Candidate(NOTO_SERIF, 2));

    public static final String PACKAGE_HINT = "请安装 Debian 软件包 fonts-wqy-zenhei（或 fonts-noto-cjk），"
            + "或将 report.pdf.font-path 设为一个中文字体文件（TTF、OTF 或 TTC）";

    record Candidate(String path, int index) {
        String spec() {
            return path.toLowerCase().endsWith(".ttc") ? path + "," + index : path;
        }
    }

    private final ReportConfig config;
    private volatile BaseFont font;
    private volatile PdfFaces faces;
    private final java.util.Map<String, BaseFont> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a font file is there (the file system; a test may say otherwise). */
    private final java.util.function.Predicate<String> installed;

    @jakarta.inject.Inject
    public PdfFonts(ReportConfig config) {
        this(config, p -> Files.isRegularFile(Path.of(p)));
    }

    PdfFonts(ReportConfig config, java.util.function.Predicate<String> installed) {
        this.config = config;
        this.installed = installed;
    }

    /** The path that will be used, if any. */
    public Optional<String> located() {
        return candidates().stream().filter(c -> installed.test(c.path())).map(Candidate::spec).findFirst();
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

    /**
     * The faces for each role ({@link #TITLE}, {@link #HEADING1} …), each the first installed of its list, else
     * the body's; the body's is the first found of its list, else {@link #font()}. A configured
     * {@code report.pdf.font-path} serves every role.
     *
     * @throws ApiException 503 naming the package to install when no CJK font is found
     */
    public PdfFaces faces() {
        PdfFaces f = faces;
        if (f != null) {
            return f;
        }
        synchronized (this) {
            if (faces == null) {
                BaseFont fallback = font();
                if (config.pdf().fontPath().filter(p -> !p.isBlank()).isPresent()) {
                    faces = PdfFaces.single(fallback);
                } else {
                    PdfFaces.Face body = face(BODY, new PdfFaces.Face(fallback, PdfFaces.name(fallback)));
                    faces = new PdfFaces(face(TITLE, body), face(HEADING1, body), face(HEADING2, body), body,
                            face(PAGE_NUMBER, body));
                }
                LOG.infof("PDF faces: %s", faces.describe());
            }
            return faces;
        }
    }

    private PdfFaces.Face face(List<Candidate> preferred, PdfFaces.Face otherwise) {
        for (Candidate c : preferred) {
            if (!installed.test(c.path())) {
                continue;
            }
            try {
                BaseFont f = loaded.computeIfAbsent(c.spec(), spec -> {
                    try {
                        return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                return new PdfFaces.Face(f, PdfFaces.name(f));
            } catch (RuntimeException e) {
                LOG.warnf("PDF font %s unusable: %s", c.spec(), e.toString());
            }
        }
        return otherwise;
    }

    private BaseFont load() {
        List<String> tried = new ArrayList<>();
        for (Candidate c : candidates()) {
            tried.add(c.path());
            if (!installed.test(c.path())) {
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
