package io.warden.infra.web;

import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record OpenCase(
            @NotBlank @Size(max = 300) String title,
            @NotNull CaseCategory category,
            @NotNull Severity severity,
            @NotBlank @Size(max = 10_000) String summary,
            @Size(max = 10_000) List<@NotBlank @Pattern(regexp = AccountRequests.ID, message = AccountRequests.ID_MESSAGE) String> accountIds) {
    }

    public record LinkAccounts(
            @NotEmpty @Size(max = 10_000) List<@NotBlank @Pattern(regexp = AccountRequests.ID, message = AccountRequests.ID_MESSAGE) String> accountIds) {
    }

    public record Assign(@NotBlank @Size(max = 200) String assignee) {
    }

    public record Escalate(@NotNull CaseTier tier, @NotBlank @Size(max = 4000) String reason) {
    }

    public record Note(@NotBlank @Size(max = 20_000) String text) {
    }

    public record Resolve(@NotNull CaseOutcome outcome, @NotBlank @Size(max = 10_000) String summary) {
    }
}
