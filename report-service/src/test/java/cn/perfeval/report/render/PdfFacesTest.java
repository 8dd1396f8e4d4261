package cn.perfeval.report.render;

import cn.perfeval.report.config.ReportConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Faces by role: the nearest installed for each, one face for all when only one is installed or one is configured. */
class PdfFacesTest {

    static final String WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";
    static final String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";

    static ReportConfig config(String fontPath) {
        ReportConfig.Pdf pdf = new ReportConfig.Pdf() {
            @Override
            public Optional<String> fontPath() {
                return Optional.ofNullable(fontPath);
            }

            @Override
            public Optional<Integer> fontIndex() {
                return Optional.empty();
            }
        };
        return new ReportConfig() {
            @Override
            public Topic budgetEvents() {
                return null;
            }

            @Override
            public Topic scoreEvents() {
                return null;
            }

            @Override
            public SeasonTopic seasonEvents() {
                return null;
            }

            @Override
            public String consumerGroup() {
                return "test";
            }

            @Override
            public Pdf pdf() {
                return pdf;
            }
        };
    }

    @Test
    void eachRoleHasTheNearestInstalledFace() {
        assumeTrue(List.of(WQY, UMING, UKAI).stream().allMatch(f -> Files.isRegularFile(Path.of(f))),
                "fonts-wqy-zenhei, fonts-arphic-uming and fonts-arphic-ukai are not all installed");
        PdfFaces faces = new PdfFonts(config(null), p -> Set.of(WQY, UMING, UKAI).contains(p)).faces();
        assertThat(faces.title().name()).isEqualTo("AR PL UMing CN");
        assertThat(faces.heading1().name()).isEqualTo("WenQuanYi Zen Hei");
        assertThat(faces.heading2().name()).isEqualTo("AR PL UKai CN");
        assertThat(faces.body().name()).isEqualTo("AR PL UMing CN");
        assertThat(faces.pageNumber().name()).isEqualTo("AR PL UMing CN");
        assertThat(faces.describe()).isEqualTo("标题：AR PL UMing CN；一级标题：WenQuanYi Zen Hei；二级标题：AR PL UKai CN；"
                + "正文：AR PL UMing CN；页码：AR PL UMing CN");
    }

    @Test
    void withOneFontInstalledItServesEveryRole() {
        assumeTrue(Files.isRegularFile(Path.of(WQY)), "fonts-wqy-zenhei is not installed");
        PdfFaces faces = new PdfFonts(config(null), WQY::equals).faces();
        for (PdfFaces.Face f : List.of(faces.title(), faces.heading1(), faces.heading2(), faces.body(), faces.pageNumber())) {
            assertThat(f.font()).isSameAs(faces.body().font());
            assertThat(f.name()).isEqualTo("WenQuanYi Zen Hei");
        }
    }

    @Test
    void aConfiguredFontServesEveryRole() {
        assumeTrue(Files.isRegularFile(Path.of(UKAI)), "fonts-arphic-ukai is not installed");
        PdfFaces faces = new PdfFonts(config(UKAI), p -> true).faces();
        assertThat(faces.describe()).isEqualTo("标题：AR PL UKai CN；一级标题：AR PL UKai CN；二级标题：AR PL UKai CN；"
                + "正文：AR PL UKai CN；页码：AR PL UKai CN");
    }
}
