package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Narrative text is stored exactly as given and comes out as text in every format. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class InjectionTest {

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String MARKDOWN = "**粗体** [点我](javascript:alert(1)) ![img](http://evil/x.png) # 标题 | 表格 |";
    static final String FORMULA = "=HYPERLINK(\"http://evil\",\"点我\")";
    static final String FIELD = "{ INCLUDEPICTURE \"http://evil/x.png\" } @SUM(A1:A9) +1 -1";

    @Test
    void injectionStringsComeOutEscapedInEveryFormat() throws Exception {
        String unit = GoldenCase.newUnit();
        ObjectNode narrative = GoldenCase.JSON.createObjectNode();
        narrative.put("overview", SCRIPT + "\n" + MARKDOWN);
        narrative.put("problems", FORMULA + "\n" + FIELD);
        narrative.put("issuer", "<b>单位</b>");
        asAdmin().contentType("application/json").body(narrative.toString())
                .put("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200);
        // stored exactly as given
        asAdmin().get("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200)
                .body("narrative.overview", equalTo(SCRIPT + "\n" + MARKDOWN))
                .body("narrative.problems", equalTo(FORMULA + "\n" + FIELD));

        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));

        // JSON: the text itself, as data
        asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                .body("sections[0].blocks[0].text", equalTo(SCRIPT))
                .body("sections[0].blocks[1].text", equalTo(MARKDOWN));

        String html = asAdmin().queryParam("format", "html").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>单位")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;b&gt;单位&lt;/b&gt;")
                .contains("<p>=HYPERLINK(&quot;http://evil&quot;,&quot;点我&quot;)</p>");

        String md = asAdmin().queryParam("format", "md").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        assertThat(md).doesNotContain("<script>").doesNotContain("<img").doesNotContain("**粗体**")
                .doesNotContain("[点我](javascript").doesNotContain("![img]")
                .contains("\\*\\*粗体\\*\\* \\[点我\\]\\(javascript:alert\\(1\\)\\) \\!\\[img\\]")
                .contains("\n\\=HYPERLINK(".replace("(", "\\("));

        byte[] docx = asAdmin().queryParam("format", "docx").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().asByteArray();
        try (XWPFDocument doc = Documents.docx(docx)) {
            List<String> paragraphs = Documents.paragraphs(doc);
            assertThat(paragraphs).contains(SCRIPT, MARKDOWN, FORMULA, FIELD, "<b>单位</b>");
            String body = doc.getDocument().xmlText();
            // no field, hyperlink or picture was made from the text: it is only in plain text runs
            assertThat(body).doesNotContain("instrText").doesNotContain("fldSimple").doesNotContain("w:hyperlink")
                    .doesNotContain("w:drawing");
            assertThat(doc.getPackage().getParts().stream().filter(p -> p.getContentType().startsWith("image/")).count()).isZero();
        }

        assumeTrue(Documents.cjkFontInstalled(), "no CJK font installed (apt-get install fonts-wqy-zenhei); CI installs one");
        byte[] pdf = asAdmin().queryParam("format", "pdf").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().asByteArray();
        String text = Documents.pdfText(pdf);
        String[] missing = new String[1];
        assertThat(Documents.inOrder(text, List.of(SCRIPT, MARKDOWN, FORMULA, FIELD), missing))
                .as(() -> "text as given; missing " + missing[0]).isPositive();
    }
}
