package cn.perfeval.budget.api;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.budget.domain.Unit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request and response bodies of the unit resource. */
public final class UnitDtos {

    private UnitDtos() {
    }

    @Schema(name = "UnitRequest", description = "单位基本信息（新建或替换）")
    public record UnitRequest(
            @Schema(description = "单位名称（全称）", example = "湘潭县中路铺镇人民政府", maxLength = 200)
            @NotBlank @Size(max = 200) @PlainName String name,
            @Schema(description = "所属县（市、区）", example = "湘潭县", maxLength = 100)
            @NotBlank @Size(max = 100) @PlainName String county,
            @Schema(description = "所属省份", example = "湖南省", maxLength = 100)
            @NotBlank @Size(max = 100) @PlainName String province,
            @Schema(description = "单位性质：行政单位或事业单位", enumeration = {"行政", "事业"}, example = "行政")
            @NotNull @Pattern(regexp = "行政|事业", message = "应为 行政 或 事业") String kind,
            @Schema(description = "机构级别", example = "正科级行政机关", maxLength = 100)
            @Size(max = 100) @PlainName String rank,
            @Schema(description = "单位地址", example = "湖南省湘潭县中路铺镇湘中路10号", maxLength = 300)
            @Size(max = 300) @PlainName String address,
            @Schema(description = "内设机构，按给出的顺序", maxItems = 100)
            @Size(max = 100) List<@NotBlank @Size(max = 200) @PlainName String> offices) {
    }

    @Schema(name = "Unit", description = "单位基本信息及其有数据的年度")
    public record UnitResponse(
            String unitCode,
            @Schema(description = "单位名称（全称）") String name,
            String county,
            @Schema(description = "所属省份") String province,
            @Schema(description = "单位性质：行政单位或事业单位", enumeration = {"行政", "事业"}) String kind,
            @Schema(description = "机构级别") String rank,
            @Schema(description = "单位地址") String address,
            @Schema(description = "内设机构，按给出的顺序") List<String> offices,
            @Schema(description = "有预算数据的年度，由早到晚") List<Integer> years,
            @Schema(description = "单位基本信息的版本号，与 ETag 相同；每次修改加一", example = "1") long version) {

        public static UnitResponse of(Unit u, List<Integer> years) {
            return new UnitResponse(u.code, u.name, u.county, u.province, u.kind, u.rank, u.address,
                    List.copyOf(u.offices), years, u.version);
        }
    }
}
