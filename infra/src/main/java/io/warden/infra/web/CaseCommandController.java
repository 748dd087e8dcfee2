package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.command.cases.AddCaseNoteCommand;
import io.warden.command.cases.AssignCaseCommand;
import io.warden.command.cases.EscalateCaseCommand;
import io.warden.command.cases.LinkAccountsToCaseCommand;
import io.warden.command.cases.OpenCaseCommand;
import io.warden.command.cases.ResolveCaseCommand;
import io.warden.command.common.CommandResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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

/** Commands on cases. Case ids are made by the server. */
@RestController
@Validated
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Open, link, assign, escalate, annotate and resolve cases")
public class CaseCommandController {

    private final CommandSender commands;

    public CaseCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Open a case in tier T1_TRIAGE, optionally linking accounts (201)")
    public ResponseEntity<CaseAnswer> open(@Valid @RequestBody CaseRequests.OpenCase body) {
        CommandResult result = commands.send(new OpenCaseCommand(UUID.randomUUID().toString(), body.title(), body.category(),
                body.severity(), body.summary(), body.accountIds() == null ? List.of() : body.accountIds()), body);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + result.resourceId()))
                .body(new CaseAnswer(result.resourceId(), result.version()));
    }

    @PostMapping("/{caseId}/accounts")
    @Operation(summary = "Link up to 10,000 accounts; accounts already linked are skipped")
    public CaseAnswer link(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                           @Valid @RequestBody CaseRequests.LinkAccounts body) {
        return answer(caseId, commands.send(new LinkAccountsToCaseCommand(caseId, body.accountIds()), body));
    }

    @PostMapping("/{caseId}/assignment")
    @Operation(summary = "Assign the case to a person")
    public CaseAnswer assign(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                             @Valid @RequestBody CaseRequests.Assign body) {
        return answer(caseId, commands.send(new AssignCaseCommand(caseId, body.assignee()), body));
    }

    @PostMapping("/{caseId}/escalation")
    @Operation(summary = "Escalate to a higher tier; a tier not above the current one is 409")
    public CaseAnswer escalate(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                               @Valid @RequestBody CaseRequests.Escalate body) {
        return answer(caseId, commands.send(new EscalateCaseCommand(caseId, body.tier(), body.reason()), body));
    }

    @PostMapping("/{caseId}/notes")
    @Operation(summary = "Add a note to the case (201)")
    public ResponseEntity<CaseAnswer> note(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                                           @Valid @RequestBody CaseRequests.Note body) {
        CommandResult result = commands.send(new AddCaseNoteCommand(caseId, UUID.randomUUID().toString(), body.text()), body);
        return ResponseEntity.status(201).body(answer(caseId, result));
    }

    @PostMapping("/{caseId}/resolution")
    @Operation(summary = "Resolve the case with an outcome")
    public CaseAnswer resolve(@PathVariable @Pattern(regexp = AccountRequests.ID) String caseId,
                              @Valid @RequestBody CaseRequests.Resolve body) {
        return answer(caseId, commands.send(new ResolveCaseCommand(caseId, body.outcome(), body.summary()), body));
    }

    private static CaseAnswer answer(String caseId, CommandResult result) {
        return new CaseAnswer(caseId, result.version());
    }

    public record CaseAnswer(String caseId, long version) {
    }
}
