package cn.perfeval.report.season;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.service.NarrativeService;
import cn.perfeval.report.service.ReportService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Submissions (docs/season.md, "The freeze"): the submission rules, the freeze of what was filed (the exact
 * events and narrative version, and the report rendered in every format the report endpoint serves, byte for
 * byte with its SHA-256), the submissions as filed, and the difference between a submission and now.
 */
@ApplicationScoped
public class SubmissionService {

    /** The formats the report endpoint serves, in the order they are stored, with their media types. */
    public static final Map<String, String> FORMATS = formats();

    /** The narrative's sections as a person reads their names. */
    static final Map<String, String> SECTIONS = sections();

    private final EntityManager em;
    private final ReportService reports;
    private final NarrativeService narratives;
    private final ObjectMapper mapper;

    public SubmissionService(EntityManager em, ReportService reports, NarrativeService narratives, ObjectMapper mapper) {
        this.em = em;
        this.reports = reports;
        this.narratives = narratives;
        this.mapper = mapper;
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        m.put("pdf", "application/pdf");
        m.put("html", "text/html");
        m.put("md", "text/markdown");
        m.put("json", "application/json");
        return m;
    }

    private static Map<String, String> sections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("opening", "开头段落");
        m.put("overview", "一、工作概述");
        m.put("basicInfo", "二、部门基本情况");
        m.put("organisation", "二（一）机构设置及在职人员情况");
        m.put("duties", "二（二）单位主要职责");
        m.put("evaluationWork", "三、绩效评价工作情况");
        m.put("analysisIntro", "四、部门整体支出绩效情况分析");
        m.put("targetSetting", "四（二）1.目标设定");
        m.put("outputs", "产出／职责履行");
        m.put("experience", "五、主要经验及做法");
        m.put("problems", "六、存在的主要问题");
        m.put("suggestions", "七、改进措施和有关建议");
        m.put("issuer", "落款单位");
        m.put("issuedOn", "落款日期");
        m.put("correctiveMeasures", "纠偏措施");
        return m;
    }

    /** A stored event: its version and payload. */
    record Stored(long version, String payload) {
    }

    /** A stored document: its media type and bytes. */
    public record StoredDocument(String mediaType, byte[] content) {
    }

    /**
     * Checks the submission rules and freezes what is filed, inside the transition's transaction.
     *
     * @return the number of the new submission (1, 2, …)
     * @throws ApiException 409 whose errors list each reason the submission is refused; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int freeze(long taskId, String unitCode, int year, String systemCode, String actor, OffsetDateTime at) {
        Optional<Stored> budget = budget(unitCode, year);
        Optional<Stored> score = score(unitCode, year, systemCode);
        List<ProblemDetail.FieldError> errors = rules(budget.map(Stored::payload).map(this::tree).orElse(null),
                score.map(Stored::payload).map(this::tree).orElse(null), unitCode, year, systemCode);
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.CONFLICT, "单位" + unitCode + "在" + year + "年度的自评不能提交：有"
                    + errors.size() + "项问题须先解决（见 errors）", errors);
        }
        Optional<NarrativeVersion> narrative = narratives.latest(unitCode, year);
        int number = ((Number) em.createNativeQuery("SELECT COALESCE(MAX(number), 0) FROM submission "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2")
                .setParameter(1, unitCode).setParameter(2, year).getSingleResult()).intValue() + 1;
        JsonNode s = tree(score.get().payload());
        long id = ((Number) em.createNativeQuery("""
                        INSERT INTO submission (task_id, unit_code, fiscal_year, number, system_code, system_version,
                                                budget_version, score_version, narrative_version, total, grade,
                                                budget_payload, score_payload, narrative_payload, submitted_by, submitted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS BIGINT), CAST(?10 AS NUMERIC), ?11, ?12, ?13,
                                ?14, ?15, ?16)
                        RETURNING id""")
                .setParameter(1, taskId).setParameter(2, unitCode).setParameter(3, year).setParameter(4, number)
                .setParameter(5, systemCode).setParameter(6, s.path("system").path("version").asInt())
                .setParameter(7, budget.get().version()).setParameter(8, score.get().version())
                .setParameter(9, narrative.map(n -> Long.toString(n.version())).orElse(null))
                .setParameter(10, s.path("total").isNumber() ? s.path("total").decimalValue().toPlainString() : null)
                .setParameter(11, s.path("grade").isTextual() ? s.path("grade").asText() : null)
                .setParameter(12, budget.get().payload()).setParameter(13, score.get().payload())
                .setParameter(14, narrative.map(n -> write(n.narrative())).orElse(null))
                .setParameter(15, actor).setParameter(16, at)
                .getSingleResult()).longValue();
        ReportDocument doc = reports.assemble(budget.get().payload(), score.get().payload(),
                narrative.orElseGet(() -> narratives.current(unitCode, year)));
        for (Map.Entry<String, String> f : FORMATS.entrySet()) {
            byte[] content;
            try {
                content = reports.renderBytes(doc, f.getKey());
            } catch (ApiException e) {
                if (e.status() == ProblemType.PDF_UNAVAILABLE.status() && f.getKey().equals("pdf")) {
                    continue; // no CJK font on this server: the other formats are filed, the PDF is not
                }
                throw e;
            }
            em.createNativeQuery("INSERT INTO submission_document (submission_id, format, media_type, content, sha256) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id).setParameter(2, f.getKey()).setParameter(3, f.getValue())
                    .setParameter(4, content).setParameter(5, sha256(content)).executeUpdate();
        }
        return number;
    }

    /**
     * The submission rules: budget data received, no ERROR finding, a score under the season's system computed on
     * those budget data (not on an earlier version), no indicator awaiting judgement. Each refusal is one error in
     * Chinese.
     */
    static List<ProblemDetail.FieldError> rules(JsonNode budget, JsonNode score, String unitCode, int year, String systemCode) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        if (budget == null) {
            errors.add(new ProblemDetail.FieldError("budget", "本服务尚未收到单位" + unitCode + "在" + year
                    + "年度的预算数据，须先填报预算数据", null));
        } else {
            for (JsonNode f : budget.path("findings")) {
                if ("ERROR".equals(f.path("severity").asText())) {
                    errors.add(new ProblemDetail.FieldError("findings", "预算数据有未解决的错误（" + f.path("ruleId").asText()
                            + "）：" + f.path("message").asText(), f.path("ruleId").asText()));
                }
            }
        }
        if (score == null) {
            errors.add(new ProblemDetail.FieldError("score", "尚无指标体系" + systemCode + "下的评分，须待评分完成后提交",
                    systemCode));
        } else {
            if (budget != null && score.path("budgetVersion").asLong() != budget.path("version").asLong()) {
                // the frozen report would pair these data with a score of other data: wait for the rescore
                errors.add(new ProblemDetail.FieldError("score", "评分依据的是第" + score.path("budgetVersion").asLong()
                        + "版预算数据，本服务已收到第" + budget.path("version").asLong()
                        + "版，须待按最新预算数据重新评分后提交", systemCode));
            }
            for (JsonNode i : score.path("indicators")) {
                if ("AWAITING_JUDGEMENT".equals(i.path("status").asText())) {
                    errors.add(new ProblemDetail.FieldError("indicators", "指标“" + i.path("name").asText() + "”（"
                            + i.path("code").asText() + "）尚待评分", i.path("code").asText()));
                }
            }
        }
        return errors;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubmissionView> list(String unitCode, int year) {
        List<SubmissionView> out = new ArrayList<>();
        for (Object o : em.createNativeQuery(SELECT + " WHERE unit_code = ?1 AND fiscal_year = ?2 ORDER BY number")
                .setParameter(1, unitCode).setParameter(2, year).getResultList()) {
            out.add(view((Object[]) o));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionView> get(String unitCode, int year, int number) {
        return em.createNativeQuery(SELECT + " WHERE unit_code = ?1 AND fiscal_year = ?2 AND number = ?3")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, number).getResultList().stream()
                .findFirst().map(r -> view((Object[]) r));
    }

    /** The document of a submission in a format, as stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredDocument> document(String unitCode, int year, int number, String format) {
        return em.createNativeQuery("SELECT d.media_type, d.content FROM submission_document d "
                        + "JOIN submission s ON s.id = d.submission_id "
                        + "WHERE s.unit_code = ?1 AND s.fiscal_year = ?2 AND s.number = ?3 AND d.format = ?4")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, number).setParameter(4, format)
                .getResultList().stream().findFirst()
                .map(r -> new StoredDocument((String) ((Object[]) r)[0], (byte[]) ((Object[]) r)[1]));
    }

    private static final String SELECT = "SELECT id, unit_code, fiscal_year, number, system_code, system_version, "
            + "budget_version, score_version, narrative_version, total, grade, submitted_by, submitted_at FROM submission";

    private SubmissionView view(Object[] r) {
        List<SubmissionView.Document> documents = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT format, media_type, octet_length(content), sha256 FROM submission_document "
                        + "WHERE submission_id = ?1")
                .setParameter(1, ((Number) r[0]).longValue()).getResultList()) {
            Object[] d = (Object[]) o;
            documents.add(new SubmissionView.Document((String) d[0], (String) d[1], ((Number) d[2]).longValue(), (String) d[3]));
        }
        List<String> order = List.copyOf(FORMATS.keySet());
        documents.sort(java.util.Comparator.comparingInt(d -> order.indexOf(d.format())));
        return new SubmissionView((String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(),
                r[8] == null ? null : ((Number) r[8]).longValue(), SeasonService.points((BigDecimal) r[9]), (String) r[10],
                (String) r[11], SeasonService.time(r[12]), documents);
    }

    /** What differs between a submission and the unit-year now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubmissionDiff> diff(String unitCode, int year, int number) {
        List<?> rows = em.createNativeQuery("SELECT system_code, system_version, budget_version, score_version, "
                        + "narrative_version, total, grade, budget_payload, score_payload, narrative_payload FROM submission "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2 AND number = ?3")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, number).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        String system = (String) r[0];
        Optional<Stored> budgetNow = budget(unitCode, year);
        Optional<Stored> scoreNow = score(unitCode, year, system);
        Optional<NarrativeVersion> narrativeNow = narratives.latest(unitCode, year);
        JsonNode scoreThen = tree((String) r[8]);
        JsonNode scoreTree = scoreNow.map(s -> tree(s.payload())).orElse(null);

        List<SubmissionDiff.VersionChange> versions = List.of(
                version("budget", "预算数据", ((Number) r[2]).longValue(), budgetNow.map(Stored::version).orElse(null)),
                version("score", "评分", ((Number) r[3]).longValue(), scoreNow.map(Stored::version).orElse(null)),
                version("narrative", "文字材料", r[4] == null ? null : ((Number) r[4]).longValue(),
                        narrativeNow.map(NarrativeVersion::version).orElse(null)),
                version("system", "指标体系", ((Number) r[1]).longValue(),
                        scoreTree == null ? null : scoreTree.path("system").path("version").asLong()));
        BigDecimal totalThen = SeasonService.points((BigDecimal) r[5]);
        BigDecimal totalNow = scoreTree != null && scoreTree.path("total").isNumber()
                ? SeasonService.points(scoreTree.path("total").decimalValue()) : null;
        String gradeThen = (String) r[6];
        String gradeNow = scoreTree != null && scoreTree.path("grade").isTextual() ? scoreTree.path("grade").asText() : null;

        List<SubmissionDiff.IndicatorChange> indicators = indicators(scoreThen, scoreTree);
        JsonNode narrativeThen = r[9] == null ? null : tree((String) r[9]);
        JsonNode narrativeTree = narrativeNow.map(n -> mapper.<JsonNode>valueToTree(n.narrative())).orElse(null);
        List<SubmissionDiff.SectionChange> sections = sections(narrativeThen, narrativeTree);
        List<SubmissionDiff.FindingChange> findings = findings(tree((String) r[7]),
                budgetNow.map(b -> tree(b.payload())).orElse(null));

        boolean totalChanged = !sameNumber(totalThen, totalNow);
        boolean gradeChanged = !Objects.equals(gradeThen, gradeNow);
        boolean changed = versions.stream().anyMatch(SubmissionDiff.VersionChange::changed) || totalChanged || gradeChanged
                || !indicators.isEmpty() || !sections.isEmpty() || !findings.isEmpty();
        return Optional.of(new SubmissionDiff(unitCode, year, number,
                summary(versions, totalThen, totalNow, gradeThen, gradeNow, changed), changed, versions,
                totalThen, totalNow, gradeThen, gradeNow, indicators, sections, findings));
    }

    static String summary(List<SubmissionDiff.VersionChange> versions, BigDecimal totalThen, BigDecimal totalNow,
                          String gradeThen, String gradeNow, boolean changed) {
        if (!changed) {
            return "自提交以来没有变化";
        }
        List<String> parts = new ArrayList<>();
        for (SubmissionDiff.VersionChange v : versions) {
            if (v.changed()) {
                String verb = v.what().equals("narrative") ? "已修改" : "已更新";
                parts.add(v.label() + verb + "（" + versionText(v.submitted()) + "→" + versionText(v.now()) + "）");
            }
        }
        if (sameNumber(totalThen, totalNow)) {
            parts.add("总分未变");
        } else {
            parts.add("总分由" + pointsText(totalThen) + "变为" + pointsText(totalNow));
        }
        if (!Objects.equals(gradeThen, gradeNow)) {
            parts.add("等次由" + (gradeThen == null ? "无" : gradeThen) + "变为" + (gradeNow == null ? "无" : gradeNow));
        }
        return "自提交以来" + String.join("，", parts);
    }

    private static String versionText(Long v) {
        return v == null ? "无" : "第" + v + "版";
    }

    private static String pointsText(BigDecimal v) {
        return v == null ? "无评分" : v.toPlainString() + "分";
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static SubmissionDiff.VersionChange version(String what, String label, Long then, Long now) {
        return new SubmissionDiff.VersionChange(what, label, then, now, !Objects.equals(then, now));
    }

    private static List<SubmissionDiff.IndicatorChange> indicators(JsonNode then, JsonNode now) {
        Map<String, JsonNode> before = byCode(then);
        Map<String, JsonNode> after = byCode(now);
        Set<String> codes = new LinkedHashSet<>(before.keySet());
        codes.addAll(after.keySet());
        List<SubmissionDiff.IndicatorChange> out = new ArrayList<>();
        for (String code : codes) {
            BigDecimal a = decimal(before.get(code));
            BigDecimal b = decimal(after.get(code));
            if (!sameNumber(a, b)) {
                JsonNode named = after.containsKey(code) ? after.get(code) : before.get(code);
                out.add(new SubmissionDiff.IndicatorChange(code, named.path("name").asText(null),
                        SeasonService.points(a), SeasonService.points(b)));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> byCode(JsonNode score) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (score != null) {
            score.path("indicators").forEach(i -> m.put(i.path("code").asText(), i));
        }
        return m;
    }

    private static BigDecimal decimal(JsonNode indicator) {
        return indicator == null || !indicator.path("points").isNumber() ? null : indicator.path("points").decimalValue();
    }

    private static List<SubmissionDiff.SectionChange> sections(JsonNode then, JsonNode now) {
        List<SubmissionDiff.SectionChange> out = new ArrayList<>();
        for (Map.Entry<String, String> s : SECTIONS.entrySet()) {
            String a = text(then, s.getKey());
            String b = text(now, s.getKey());
            if (!Objects.equals(a, b)) {
                out.add(new SubmissionDiff.SectionChange(s.getKey(), s.getValue(), a, b));
            }
        }
        return out;
    }

    private static String text(JsonNode narrative, String field) {
        if (narrative == null) {
            return null;
        }
        JsonNode v = narrative.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<SubmissionDiff.FindingChange> findings(JsonNode then, JsonNode now) {
        Map<String, JsonNode> before = findingsOf(then);
        Map<String, JsonNode> after = findingsOf(now);
        List<SubmissionDiff.FindingChange> out = new ArrayList<>();
        after.forEach((k, f) -> {
            if (!before.containsKey(k)) {
                out.add(finding("ADDED", f));
            }
        });
        before.forEach((k, f) -> {
            if (!after.containsKey(k)) {
                out.add(finding("GONE", f));
            }
        });
        return out;
    }

    private static Map<String, JsonNode> findingsOf(JsonNode budget) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (budget != null) {
            for (Iterator<JsonNode> it = budget.path("findings").elements(); it.hasNext(); ) {
                JsonNode f = it.next();
                String severity = f.path("severity").asText();
                if (severity.equals("ERROR") || severity.equals("WARNING")) {
                    m.put(severity + "\u0000" + f.path("ruleId").asText() + "\u0000" + f.path("message").asText(), f);
                }
            }
        }
        return m;
    }

    private static SubmissionDiff.FindingChange finding(String change, JsonNode f) {
        return new SubmissionDiff.FindingChange(change, f.path("severity").asText(), f.path("ruleId").asText(),
                f.path("message").asText());
    }

    private Optional<Stored> budget(String unitCode, int year) {
        return stored(em.createNativeQuery("SELECT version, payload FROM budget_view WHERE unit_code = ?1 AND fiscal_year = ?2")
                .setParameter(1, unitCode).setParameter(2, year).getResultList());
    }

    private Optional<Stored> score(String unitCode, int year, String systemCode) {
        return stored(em.createNativeQuery("SELECT version, payload FROM score_view WHERE unit_code = ?1 AND fiscal_year = ?2 "
                        + "AND system_code = ?3")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, systemCode).getResultList());
    }

    private static Optional<Stored> stored(List<?> rows) {
        return rows.stream().findFirst().map(r -> new Stored(((Number) ((Object[]) r)[0]).longValue(), (String) ((Object[]) r)[1]));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload unreadable", e);
        }
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
