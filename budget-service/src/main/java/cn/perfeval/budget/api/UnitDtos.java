package cn.perfeval.budget.api;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.budget.domain.Unit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request and response bodies of the unit resource. */
public final class UnitDtos {

    private UnitDtos() {
    }

    public record UnitRequest(
            @NotBlank @Size(max = 200) @PlainName String name,
            @NotBlank @Size(max = 100) @PlainName String county,
            @NotBlank @Size(max = 100) @PlainName String province,
            @NotNull @Pattern(regexp = "行政|事业", message = "must be 行政 or 事业") String kind,
            @Size(max = 100) @PlainName String rank,
            @Size(max = 300) @PlainName String address,
            @Size(max = 100) List<@NotBlank @Size(max = 200) @PlainName String> offices) {
    }

    public record UnitResponse(String code, String name, String county, String province, String kind,
                               String rank, String address, List<String> offices, List<Integer> fiscalYears) {

        public static UnitResponse of(Unit u, List<Integer> fiscalYears) {
            return new UnitResponse(u.code, u.name, u.county, u.province, u.kind, u.rank, u.address,
                    List.copyOf(u.offices), fiscalYears);
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
