package io.warden.infra.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.command.account.BanAccountCommand;
import io.warden.command.account.DecideAppealCommand;
import io.warden.command.account.FileAppealCommand;
import io.warden.command.account.FlagAccountCommand;
import io.warden.command.account.LiftRestrictionCommand;
import io.warden.command.account.RecordViolationCommand;
import io.warden.command.account.RegisterAccountCommand;
import io.warden.command.account.ReinstateAccountCommand;
import io.warden.command.account.RestrictAccountCommand;
import io.warden.command.account.SuspendAccountCommand;
import io.warden.command.account.UnflagAccountCommand;
import io.warden.command.common.CommandResult;
import io.warden.command.lookup.CommandSideLookups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Commands on accounts: each request becomes one command, sent for the authenticated principal. */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Register accounts, record violations and enforce on them")
public class AccountCommandController {

    private final CommandSender commands;
    private final CommandSideLookups lookups;

    public AccountCommandController(CommandSender commands, CommandSideLookups lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @PostMapping("/accounts")
    @Operation(summary = "Register an account (201); the same data again is 200, different data 409")
    public ResponseEntity<AccountAnswer> register(@Valid @RequestBody AccountRequests.RegisterAccount body) {
        CommandResult result = commands.send(new RegisterAccountCommand(body.accountId(), body.organization(),
                body.organizationId(), body.country(), body.tier()), body);
        AccountAnswer answer = new AccountAnswer(result.resourceId(), result.version(), result.status());
        return result.changed()
                ? ResponseEntity.created(URI.create("/api/v1/accounts/" + result.resourceId())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @PostMapping("/accounts/{accountId}/violations")
    @Operation(summary = "Record a violation (201); a violationId already recorded is 200 with no new event")
    public ResponseEntity<ViolationAnswer> recordViolation(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                                           @Valid @RequestBody AccountRequests.RecordViolation body) {
        String violationId = body.violationId() != null ? body.violationId() : UUID.randomUUID().toString();
        CommandResult result = commands.send(recordViolation(accountId, violationId, body), body);
        ViolationAnswer answer = new ViolationAnswer(result.resourceId(), accountId, result.version());
        return ResponseEntity.status(result.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    static RecordViolationCommand recordViolation(String accountId, String violationId, AccountRequests.RecordViolation body) {
        AccountRequests.EvidenceBody e = body.evidence();
        return new RecordViolationCommand(accountId, violationId, body.category(), body.policy(), body.severity(),
                body.detectedAt(), new Evidence(e.detector(), e.summary(), e.confidence(), e.interactionCount(), e.sourceCountry()));
    }

    @PostMapping("/accounts/{accountId}/flag")
    @Operation(summary = "Flag an account for attention")
    public AccountAnswer flag(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                              @Valid @RequestBody AccountRequests.Flag body) {
        CommandResult result = commands.send(new FlagAccountCommand(accountId, body.reason(), orEmpty(body.violationIds())), body);
        return new AccountAnswer(accountId, result.version(), result.status());
    }

    @PostMapping("/accounts/{accountId}/unflag")
    @Operation(summary = "Remove an account's flag")
    public AccountAnswer unflag(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                @Valid @RequestBody AccountRequests.Reason body) {
        CommandResult result = commands.send(new UnflagAccountCommand(accountId, body.reason()), body);
        return new AccountAnswer(accountId, result.version(), result.status());
    }

    @PostMapping("/accounts/{accountId}/restrictions")
    @Operation(summary = "Restrict an account, citing its violations or a case it is linked to (201)")
    public ResponseEntity<RestrictionAnswer> restrict(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                                      @Valid @RequestBody AccountRequests.Restrict body) {
        CommandResult result = commands.send(new RestrictAccountCommand(accountId, UUID.randomUUID().toString(), body.kind(),
                body.reason(), new EnforcementGrounds(body.violationIds(), body.caseId()), body.expiresAt()), body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RestrictionAnswer(result.resourceId(), accountId, result.version(), result.status()));
    }

    @PostMapping("/accounts/{accountId}/restrictions/{restrictionId}/lift")
    @Operation(summary = "Lift an active restriction")
    public RestrictionAnswer lift(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                  @PathVariable @Pattern(regexp = AccountRequests.ID) String restrictionId,
                                  @Valid @RequestBody AccountRequests.Reason body) {
        CommandResult result = commands.send(new LiftRestrictionCommand(accountId, restrictionId, body.reason()), body);
        return new RestrictionAnswer(restrictionId, accountId, result.version(), result.status());
    }

    @PostMapping("/accounts/{accountId}/suspension")
    @Operation(summary = "Suspend an account (200), or propose it for approval when its tier needs four eyes (202)")
    public ResponseEntity<ActionAnswer> suspend(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                                @Valid @RequestBody AccountRequests.Enforce body) {
        CommandResult result = commands.send(new SuspendAccountCommand(accountId, UUID.randomUUID().toString(), body.reason(),
                new EnforcementGrounds(body.violationIds(), body.caseId())), body);
        return actionAnswer(accountId, result);
    }

    @PostMapping("/accounts/{accountId}/ban")
    @Operation(summary = "Propose a ban; it takes effect when a second person approves it (202)")
    public ResponseEntity<ActionAnswer> ban(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                            @Valid @RequestBody AccountRequests.Enforce body) {
        CommandResult result = commands.send(new BanAccountCommand(accountId, UUID.randomUUID().toString(), body.reason(),
                new EnforcementGrounds(body.violationIds(), body.caseId())), body);
        return actionAnswer(accountId, result);
    }

    @PostMapping("/accounts/{accountId}/reinstatement")
    @Operation(summary = "End a suspension")
    public AccountAnswer reinstate(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                   @Valid @RequestBody AccountRequests.Reason body) {
        CommandResult result = commands.send(new ReinstateAccountCommand(accountId, body.reason()), body);
        return new AccountAnswer(accountId, result.version(), result.status());
    }

    @PostMapping("/accounts/{accountId}/appeals")
    @Operation(summary = "File an appeal against the account's suspension or ban (201)")
    public ResponseEntity<AppealAnswer> appeal(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId,
                                               @Valid @RequestBody AccountRequests.Appeal body) {
        CommandResult result = commands.send(new FileAppealCommand(accountId, UUID.randomUUID().toString(), body.statement()), body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AppealAnswer(result.resourceId(), accountId, null, result.version(), result.status()));
    }

    @PostMapping("/appeals/{appealId}/decision")
    @Operation(summary = "Decide an appeal; OVERTURNED reinstates the account. The decider must not have imposed the action.")
    public AppealAnswer decide(@PathVariable @Pattern(regexp = AccountRequests.ID) String appealId,
                               @Valid @RequestBody AccountRequests.AppealDecision body) {
        String accountId = lookups.accountOwning(appealId)
                .orElseThrow(() -> new ResourceNotFoundException("No appeal with id '" + appealId + "' exists."));
        CommandResult result = commands.send(new DecideAppealCommand(accountId, appealId, body.outcome(), body.reason()), body);
        return new AppealAnswer(appealId, accountId, body.outcome().name(), result.version(), result.status());
    }

    private static ResponseEntity<ActionAnswer> actionAnswer(String accountId, CommandResult result) {
        if (result.pendingApproval()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new ActionAnswer(result.resourceId(), accountId, "PENDING_APPROVAL", result.version()));
        }
        return ResponseEntity.ok(new ActionAnswer(result.resourceId(), accountId, result.status(), result.version()));
    }

    private static List<String> orEmpty(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountAnswer(String accountId, long version, String status) {
    }

    public record ViolationAnswer(String violationId, String accountId, long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RestrictionAnswer(String restrictionId, String accountId, long version, String accountStatus) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionAnswer(String actionId, String accountId, String status, long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppealAnswer(String appealId, String accountId, String outcome, long version, String accountStatus) {
    }
}
