package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.command.account.ApproveEnforcementCommand;
import io.warden.command.account.RejectEnforcementCommand;
import io.warden.command.cases.ApproveCaseEnforcementCommand;
import io.warden.command.cases.RejectCaseEnforcementCommand;
import io.warden.command.common.CommandResult;
import io.warden.command.lookup.CommandSideLookups;
import io.warden.command.lookup.TakedownRecord;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** Four-eyes decisions: an APPROVER other than the proposer approves or rejects a proposed action. */
@RestController
@Validated
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Approve or reject proposed bans, suspensions and takedowns")
public class ApprovalCommandController {

    private final CommandSender commands;
    private final CommandSideLookups lookups;

    public ApprovalCommandController(CommandSender commands, CommandSideLookups lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @PostMapping("/{actionId}/approve")
    @Operation(summary = "Approve a proposal; the proposer cannot approve their own (409), nor can anyone after it expired (409)")
    public Decision approve(@PathVariable @Pattern(regexp = AccountRequests.ID) String actionId,
                            @Valid @RequestBody(required = false) AccountRequests.ApprovalDecision body) {
        Optional<TakedownRecord> takedown = lookups.takedown(actionId);
        if (takedown.isPresent()) {
            String caseId = takedown.get().caseId();
            CommandResult result = commands.send(new ApproveCaseEnforcementCommand(caseId, actionId, comment(body)), body);
            return new Decision(actionId, null, "APPROVED", result.version(), null, caseId);
        }
        String accountId = owner(actionId);
        CommandResult result = commands.send(new ApproveEnforcementCommand(accountId, actionId, comment(body)), body);
        return new Decision(actionId, accountId, "APPROVED", result.version(), result.status(), null);
    }

    @PostMapping("/{actionId}/reject")
    @Operation(summary = "Reject a proposal; nothing is enforced")
    public Decision reject(@PathVariable @Pattern(regexp = AccountRequests.ID) String actionId,
                           @Valid @RequestBody(required = false) AccountRequests.ApprovalDecision body) {
        Optional<TakedownRecord> takedown = lookups.takedown(actionId);
        if (takedown.isPresent()) {
            String caseId = takedown.get().caseId();
            CommandResult result = commands.send(new RejectCaseEnforcementCommand(caseId, actionId, comment(body)), body);
            return new Decision(actionId, null, "REJECTED", result.version(), null, caseId);
        }
        String accountId = owner(actionId);
        CommandResult result = commands.send(new RejectEnforcementCommand(accountId, actionId, comment(body)), body);
        return new Decision(actionId, accountId, "REJECTED", result.version(), result.status(), null);
    }

    private String owner(String actionId) {
        return lookups.accountOwning(actionId)
                .orElseThrow(() -> new ResourceNotFoundException("No proposal with id '" + actionId + "' exists."));
    }

    private static String comment(AccountRequests.ApprovalDecision body) {
        return body == null ? null : body.comment();
    }

    /**
     * {@code accountStatus} is the account's status after the decision. A campaign takedown's id (its
     * {@code enforcementId}) is decided the same way: then {@code caseId} names the case, {@code version} is the
     * case's, and the account fields are null.
     */
    public record Decision(String actionId, String accountId, String status, long version, String accountStatus,
                           String caseId) {
    }
}
