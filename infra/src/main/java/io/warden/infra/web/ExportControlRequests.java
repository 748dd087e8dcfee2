package io.warden.infra.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Request bodies of the export-control endpoints, validated before any command is sent. */
public final class ExportControlRequests {

    private ExportControlRequests() {
    }

    public record RegisterOrganization(
            @NotBlank @Pattern(regexp = AccountRequests.ID, message = AccountRequests.ID_MESSAGE) String organizationId,
            @NotBlank @Size(max = 300) String name,
            @NotNull @IsoCountry String headquartersCountry) {
    }

    public record OwnershipStake(
            @NotNull @DecimalMin(value = "0", message = "must be between 0 (removes the stake) and 100")
            @DecimalMax(value = "100", message = "must be between 0 (removes the stake) and 100") BigDecimal percent) {
    }

    public record ScreeningCheck(@NotBlank @Size(max = 300) String name, @IsoCountry String country) {
    }
}
