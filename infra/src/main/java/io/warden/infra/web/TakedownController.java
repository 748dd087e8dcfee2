package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.FindTakedownQuery;
import io.warden.api.queries.TakedownView;
import io.warden.api.types.ActionKind;
import io.warden.command.cases.RequestCaseEnforcementCommand;
import io.warden.command.common.CommandResult;
import io.warden.command.lookup.CommandSideLookups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Campaign takedowns: one action on every account linked to a case, and its progress. */
@RestController
@Validated
@RequestMapping("/api/v1/cases/{caseId}/enforcement")
@Tag(name = "Cases")
public class TakedownController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final CommandSideLookups lookups;

    public TakedownController(CommandSender commands, QueryGateway queries, ReadYourWrites readYourWrites,
                              CommandSideLookups lookups) {
        this.commands = commands;
        this.lookups = lookups;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @Operation(summary = "Take down every account linked to the case (202)", description = """
            Applies RESTRICT (a MODEL_ACCESS restriction), SUSPEND or BAN to every linked account, citing the case. \
            Over `warden.takedown.approval-threshold` accounts (default 100), and for a BAN of any size, the takedown \
            is PENDING_APPROVAL until an APPROVER other than the requester approves it through \
            `POST /approvals/{enforcementId}/approve` (or rejects it). Accounts already banned, or already suspended \
            for a suspension, are skipped with the reason, recorded on the account. One takedown per case at a \
            time (409 otherwise); a case without linked accounts: 409.""")
    public ResponseEntity<Accepted> request(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                                            @Valid @RequestBody Request body) {
        String enforcementId = UUID.randomUUID().toString();
        CommandResult result = commands.send(new RequestCaseEnforcementCommand(caseId, enforcementId, body.action(),
                body.reason()), body);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/cases/" + caseId + "/enforcement/" + result.resourceId()))
                .body(new Accepted(result.resourceId(), caseId, result.status(),
                        lookups.linkedAccountCount(caseId), result.version()));
    }

    @GetMapping("/{enforcementId}")
    @Operation(summary = "A takedown's progress: status, counts, the first skips and failures with their reasons",
            description = "`minVersion` (a case version answered by a takedown command) waits up to 5 s for it.")
    public TakedownView takedown(@PathVariable String caseId, @PathVariable String enforcementId,
                                 @RequestParam(required = false) Long minVersion) {
        return readYourWrites.read("Takedown " + enforcementId + " of case " + caseId, minVersion,
                () -> Optional.ofNullable(queries.query(new FindTakedownQuery(caseId, enforcementId),
                        ResponseTypes.instanceOf(TakedownView.class)).join()),
                TakedownView::version);
    }

    public record Request(@NotNull ActionKind action, @NotBlank @Size(max = 4000) String reason) {
    }

    /** {@code total}: the accounts linked to the case, all of which the takedown covers. */
    public record Accepted(String enforcementId, String caseId, String status, long total, long version) {
    }
}
