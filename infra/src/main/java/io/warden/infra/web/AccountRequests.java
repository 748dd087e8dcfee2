package io.warden.infra.web;

import io.warden.api.types.AppealOutcome;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request bodies of the account endpoints, validated before any command is sent. */
public final class AccountRequests {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    static final String ID_MESSAGE = "must be 1-128 characters: letters, digits and . _ : @ -, starting with a letter or digit";
    static final String CODE = "[A-Z][A-Z0-9_]{0,63}";

    private AccountRequests() {
    }

    public record RegisterAccount(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String accountId,
            @NotBlank @Size(max = 300) String organization,
            @Pattern(regexp = ID, message = ID_MESSAGE) String organizationId,
            @NotNull @IsoCountry String country,
            @NotNull Tier tier) {
    }

    public record EvidenceBody(
            @NotBlank @Size(max = 200) String detector,
            @NotBlank @Size(max = 4000) String summary,
            @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
            @PositiveOrZero Long interactionCount,
            @IsoCountry String sourceCountry) {
    }

    public record RecordViolation(
            @Pattern(regexp = ID, message = ID_MESSAGE) String violationId,
            @NotNull ViolationCategory category,
            @NotBlank @Pattern(regexp = CODE, message = "must be UPPER_SNAKE_CASE, e.g. DISTILLATION") String policy,
            @NotNull Severity severity,
            @NotNull Instant detectedAt,
            @NotNull @Valid EvidenceBody evidence) {
    }

    public record BatchViolation(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String accountId,
            @Pattern(regexp = ID, message = ID_MESSAGE) String violationId,
            @NotNull ViolationCategory category,
            @NotBlank @Pattern(regexp = CODE, message = "must be UPPER_SNAKE_CASE, e.g. DISTILLATION") String policy,
            @NotNull Severity severity,
            @NotNull Instant detectedAt,
            @NotNull @Valid EvidenceBody evidence) {
    }

    /** Items are validated one by one, so one bad item is rejected without failing the batch. */
    public record ViolationBatch(@NotNull @Size(min = 1, max = 10_000) List<BatchViolation> violations) {
    }

    public record Flag(@NotBlank @Size(max = 4000) String reason,
                       @Size(max = 1000) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> violationIds) {
    }

    public record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    public record Restrict(
            @NotNull RestrictionKind kind,
            @NotBlank @Size(max = 4000) String reason,
            @Size(max = 1000) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> violationIds,
            @Pattern(regexp = ID, message = ID_MESSAGE) String caseId,
            Instant expiresAt) {
    }

    public record Enforce(
            @NotBlank @Size(max = 4000) String reason,
            @Size(max = 1000) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> violationIds,
            @Pattern(regexp = ID, message = ID_MESSAGE) String caseId) {
    }

    public record Appeal(@NotBlank @Size(max = 10_000) String statement) {
    }

    public record AppealDecision(@NotNull AppealOutcome outcome, @NotBlank @Size(max = 4000) String reason) {
    }

    public record ApprovalDecision(@Size(max = 4000) String comment) {
    }
}
