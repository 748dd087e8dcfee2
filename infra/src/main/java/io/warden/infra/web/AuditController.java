package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.AuditHead;
import io.warden.api.queries.AuditTrailPage;
import io.warden.api.queries.AuditVerification;
import io.warden.api.queries.FindAuditHeadQuery;
import io.warden.api.queries.FindAuditTrailQuery;
import io.warden.api.queries.VerifyAuditTrailQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit trail (per account, per case, global), its head and its verification, for auditors. Entries come in
 * event order; {@code from} is inclusive, {@code to} exclusive. An account or case with no entry at all is 404 (it
 * does not exist, or was created a moment ago and the trail has not caught up); a known one whose filters match
 * nothing is an empty page.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Audit")
public class AuditController {

    static final String ACCOUNT = "Account";
    static final String CASE = "Case";

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,254}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/accounts/{accountId}/audit")
    @Operation(summary = "One account's audit trail, in event order")
    public AuditTrailPage accountTrail(@PathVariable String accountId, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
                                       @RequestParam(required = false) String type, @RequestParam(required = false) Long after,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return aggregateTrail(ACCOUNT, "account", accountId, from, to, actor, type, after, page, size);
    }

    @GetMapping("/cases/{caseId}/audit")
    @Operation(summary = "One case's audit trail, in event order")
    public AuditTrailPage caseTrail(@PathVariable String caseId, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String type, @RequestParam(required = false) Long after,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return aggregateTrail(CASE, "case", caseId, from, to, actor, type, after, page, size);
    }

    @GetMapping("/audit")
    @Operation(summary = "The global audit trail, in event order, filtered by time, actor and event type")
    public AuditTrailPage globalTrail(
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @Parameter(description = "event name(s), comma separated, e.g. AccountSuspendedEvent") @RequestParam(required = false) String type,
            @Parameter(description = "only entries after this position (a cursor for exports)") @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return trail(criteria(null, null, from, to, actor, type, after, page, size));
    }

    @GetMapping("/audit/head")
    @Operation(summary = "The newest settled link of the chain: keep its hash elsewhere and verify against it later")
    public AuditHead head() {
        return queries.query(new FindAuditHeadQuery(), ResponseTypes.instanceOf(AuditHead.class)).join();
    }

    @GetMapping("/audit/verification")
    @Operation(summary = "Recompute the chain from the stored events and compare it with the trail (and an exported head)")
    public AuditVerification verify(
            @Parameter(description = "an exported head's hash (64 lowercase hex)") @RequestParam(required = false) String expectedHash,
            @Parameter(description = "the exported head's position") @RequestParam(required = false) Long atPosition) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        if ((expectedHash == null) != (atPosition == null)) {
            errors.add(new Problems.FieldProblem(expectedHash == null ? "expectedHash" : "atPosition",
                    "expectedHash and atPosition go together"));
        }
        if (expectedHash != null && !SHA256_HEX.matcher(expectedHash).matches()) {
            errors.add(new Problems.FieldProblem("expectedHash", "must be 64 lowercase hexadecimal characters"));
        }
        if (atPosition != null && atPosition < 1) {
            errors.add(new Problems.FieldProblem("atPosition", "must be a position of the event store (1 or more)"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("The request has invalid parameters.", errors);
        }
        return queries.query(new VerifyAuditTrailQuery(expectedHash, atPosition),
                ResponseTypes.instanceOf(AuditVerification.class)).join();
    }

    private AuditTrailPage aggregateTrail(String aggregateType, String noun, String id, String from, String to, String actor,
                                          String type, Long after, int page, int size) {
        AuditTrailPage found = trail(criteria(aggregateType, id, from, to, actor, type, after, page, size));
        if (found.totalItems() == 0
                && trail(new FindAuditTrailQuery(aggregateType, id, null, null, null, List.of(), null, 0, 1)).totalItems() == 0) {
            throw new ResourceNotFoundException("No audit entries for " + noun + " '" + id + "': it does not exist, "
                    + "or it was created a moment ago and the audit trail has not caught up yet.");
        }
        return found;
    }

    private AuditTrailPage trail(FindAuditTrailQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }

    private static FindAuditTrailQuery criteria(String aggregateType, String aggregateId, String from, String to, String actor,
                                                String type, Long after, int page, int size) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new Problems.FieldProblem("to", "must be after from"));
        }
        List<String> types = type == null ? List.of()
                : Arrays.stream(type.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        for (String t : types) {
            if (!TYPE_NAME.matcher(t).matches()) {
                errors.add(new Problems.FieldProblem("type", "'" + t + "' is not an event name such as AccountSuspendedEvent"));
            }
        }
        if (type != null && types.isEmpty()) {
            errors.add(new Problems.FieldProblem("type", "must name at least one event type"));
        }
        if (actor != null && actor.isBlank()) {
            errors.add(new Problems.FieldProblem("actor", "must not be blank"));
        }
        if (after != null && after < 0) {
            errors.add(new Problems.FieldProblem("after", "must be 0 or more"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("The request has invalid parameters.", errors);
        }
        return new FindAuditTrailQuery(aggregateType, aggregateId, fromInstant, toInstant, actor, types, after, page, size);
    }

    private static Instant instant(String field, String value, List<Problems.FieldProblem> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problems.FieldProblem(field, "is not a valid instant (use ISO-8601 in UTC, e.g. 2026-02-23T09:15:00Z)"));
            return null;
        }
    }
}
