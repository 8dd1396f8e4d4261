package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.scoring.domain.IndicatorSystem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The page envelopes the lists of this service answer, as the OpenAPI document names them: each is
 * {@link Page} of one kind of item (the operations return {@code Page<T>}; a documented answer with its
 * own example needs a schema named here).
 */
final class Pages {

    private Pages() {
    }

    @Schema(name = "ScoreHistoryPage", description = "计分历史的一页")
    record ScoreHistory(List<ScoreResource.HistoryEntry> items, int page, int size, long total, Page.Links links) {
    }

    @Schema(name = "JudgementPage", description = "评分的一页")
    record Judgements(List<JudgementResource.JudgementView> items, int page, int size, long total, Page.Links links) {
    }

    @Schema(name = "ReviewJudgementPage", description = "复核评分的一页")
    record Reviews(List<ReviewResource.ReviewView> items, int page, int size, long total, Page.Links links) {
    }

    @Schema(name = "IndicatorSystemPage", description = "指标体系的一页")
    record Systems(List<IndicatorSystem> items, int page, int size, long total, Page.Links links) {
    }

    @Schema(name = "SystemVersionPage", description = "指标体系各版本的一页")
    record SystemVersions(List<SystemResource.SystemVersion> items, int page, int size, long total, Page.Links links) {
    }

    @Schema(name = "MeasurePage", description = "度量目录的一页")
    record Measures(List<SystemResource.MeasureView> items, int page, int size, long total, Page.Links links) {
    }
}
