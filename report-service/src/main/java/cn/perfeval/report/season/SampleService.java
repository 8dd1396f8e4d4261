package cn.perfeval.report.season;

import cn.perfeval.platform.audit.Actor;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.report.service.ReportAssembler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Samples for re-evaluation (抽查复核): the population is every unit of the season with at least one
 * submission; the random part is {@link SampleDraw}; the rule part adds the units {@link SampleRule}s
 * select from the same population. Each draw is numbered and recorded with its seed and population.
 */
@ApplicationScoped
public class SampleService {

    static final String RANDOM = "RANDOM";

    private final SeasonOverviewReads reads;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public SampleService(SeasonOverviewReads reads, AuditTrail audit, ObjectMapper mapper) {
        this.reads = reads;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public SampleView draw(String county, int year, SampleRequest request, Actor actor) {
        SeasonOverviewReads.Season season = season(county, year);
        reads.lock(season.id());
        List<SeasonOverviewReads.LatestSubmission> latest = reads.latestSubmissions(season.id(), true);
        if (latest.isEmpty()) {
            throw ApiException.conflict(county + year + "年度自评季尚无单位提交，没有可供抽查复核的单位");
        }
        List<String> population = latest.stream().map(SeasonOverviewReads.LatestSubmission::unitCode).sorted().toList();
        long seed = request.seed() != null ? request.seed() : random.nextLong(SampleRequest.MAX_SEED + 1);
        List<SampleRule> rules = request.rules() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.rules()));
        BigDecimal share = request.share();

        // unit code → reasons (code → text), RANDOM first, then the rules in the order given
        Map<String, Map<String, String>> chosen = new TreeMap<>();
        List<String> drawn = SampleDraw.draw(seed, population, share);
        for (int i = 0; i < drawn.size(); i++) {
            chosen.computeIfAbsent(drawn.get(i), u -> new LinkedHashMap<>()).put(RANDOM,
                    "随机抽取（种子" + seed + "，按比例" + ReportAssembler.plain(share) + "%从" + population.size()
                            + "个已提交单位中抽取" + drawn.size() + "个，排第" + (i + 1) + "位）");
        }
        for (SampleRule rule : rules) {
            ruleUnits(rule, season, latest).forEach((unit, text) ->
                    chosen.computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(rule.name(), text));
        }

        int number = reads.nextSampleNumber(season.id());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long id = reads.insertSample(season.id(), number, share, seed, json(rules.stream().map(Enum::name).toList()),
                json(population), actor.name(), now);
        chosen.forEach((unit, reasons) -> reasons.forEach((code, text) -> reads.insertSampleUnit(id, unit, code, text)));
        SampleView view = view(season, reads.sample(season.id(), number).orElseThrow());
        ObjectNode after = mapper.createObjectNode();
        after.put("number", number).put("share", share).put("seed", seed);
        after.set("rules", mapper.valueToTree(rules));
        after.put("populationSize", population.size());
        after.set("units", mapper.valueToTree(chosen.keySet()));
        audit.record(actor, "season.sample", null, year, "season-sample:" + county + ":" + number, null, after);
        return view;
    }

    /** The units a rule selects from the population, with the reason each is in. */
    private Map<String, String> ruleUnits(SampleRule rule, SeasonOverviewReads.Season season,
                                          List<SeasonOverviewReads.LatestSubmission> latest) {
        Map<String, String> out = new LinkedHashMap<>();
        switch (rule) {
            case EXCELLENT_WITH_FINDINGS -> {
                for (SeasonOverviewReads.LatestSubmission s : latest) {
                    if (!"优".equals(s.grade()) || s.budgetPayload() == null) {
                        continue;
                    }
                    int errors = 0;
                    int warnings = 0;
                    for (JsonNode f : reads.tree(s.budgetPayload()).path("findings")) {
                        String severity = f.path("severity").asText();
                        if (severity.equals("ERROR")) {
                            errors++;
                        } else if (severity.equals("WARNING")) {
                            warnings++;
                        }
                    }
                    if (errors + warnings > 0) {
                        out.put(s.unitCode(), "最近一次提交（第" + s.number() + "次）自评等级为优，而所提交的预算数据有"
                                + (errors > 0 ? errors + "条错误" : "") + (errors > 0 && warnings > 0 ? "、" : "")
                                + (warnings > 0 ? warnings + "条警告" : "") + "的审核发现");
                    }
                }
            }
            case LARGE_DEVIATION_LAST_YEAR -> {
                Optional<SeasonOverviewReads.Season> last = reads.season(season.county(), season.year() - 1);
                if (last.isEmpty()) {
                    break;
                }
                BigDecimal threshold = last.get().deviationThreshold();
                for (SeasonOverviewReads.LatestSubmission s : latest) {
                    Optional<JsonNode> review = reads.review(s.unitCode(), last.get().year(), last.get().systemCode());
                    if (review.isEmpty() || !review.get().path("deviation").isNumber()) {
                        continue;
                    }
                    BigDecimal deviation = review.get().path("deviation").decimalValue();
                    if (deviation.abs().compareTo(threshold) > 0) {
                        out.put(s.unitCode(), "上年度（" + last.get().year() + "年）复核偏差" + ReportAssembler.plain(deviation.abs())
                                + "分（自评得分" + (deviation.signum() > 0 ? "高于" : "低于") + "复核得分），超过上年度"
                                + ReportAssembler.plain(threshold) + "分的阈值");
                    }
                }
            }
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SampleView> list(String county, int year, int page, int size, long[] total) {
        SeasonOverviewReads.Season season = season(county, year);
        total[0] = reads.countSamples(season.id());
        List<SampleView> out = new ArrayList<>();
        for (SeasonOverviewReads.SampleRow r : reads.samples(season.id(), page, size)) {
            out.add(view(season, r));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SampleView get(String county, int year, int number) {
        SeasonOverviewReads.Season season = season(county, year);
        return reads.sample(season.id(), number).map(r -> view(season, r)).orElseThrow(() ->
                ApiException.notFound(county + year + "年度自评季没有第" + number + "次抽查复核抽取"));
    }

    /** The latest sample of a season, if any. */
    SampleView latest(SeasonOverviewReads.Season season) {
        return reads.latestSample(season.id()).map(r -> view(season, r)).orElse(null);
    }

    private SampleView view(SeasonOverviewReads.Season season, SeasonOverviewReads.SampleRow r) {
        List<String> population = list(r.population());
        List<SampleRule> rules = list(r.rules()).stream().map(SampleRule::valueOf).toList();
        Map<String, List<SampleView.Reason>> byUnit = new LinkedHashMap<>();
        for (SeasonOverviewReads.SampleUnitRow u : reads.sampleUnits(r.id())) {
            byUnit.computeIfAbsent(u.unitCode(), k -> new ArrayList<>()).add(new SampleView.Reason(u.reason(), u.reasonText()));
        }
        List<SampleView.SampleUnit> units = new ArrayList<>();
        byUnit.forEach((unit, reasons) -> units.add(new SampleView.SampleUnit(unit,
                reads.unitName(season, unit).orElse(null), List.copyOf(reasons))));
        return new SampleView(r.number(), season.county(), season.year(), r.share(), r.seed(), rules, population,
                SampleDraw.count(r.share(), population.size()), SampleDraw.METHOD, units, r.drawnBy(), r.drawnAt());
    }

    SeasonOverviewReads.Season season(String county, int year) {
        return reads.season(county, year).orElseThrow(() -> ApiException.notFound(county + year + "年度尚未开启自评季"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> list(String json) {
        List<String> out = new ArrayList<>();
        reads.tree(json).forEach(n -> out.add(n.asText()));
        return out;
    }
}
