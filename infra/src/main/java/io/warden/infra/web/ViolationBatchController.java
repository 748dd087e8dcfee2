package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.command.common.CommandBatches;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.UnknownResourceException;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk intake for detectors: up to 10,000 violations in one request. Every item is its own command, decided by its
 * account, and one bad item is rejected with its index and problem while the others are recorded. Items are sent by
 * a small pool of workers: each account belongs to one worker (its items stay in request order), and each worker
 * sends its items {@code warden.intake.chunk-size} at a time in one unit of work and transaction
 * ({@link io.warden.command.common.CommandBatches}); a chunk in which any item fails is rolled back and sent again
 * item by item, one transaction each, so every item gets the answer it would get on its own.
 * <p>
 * With an {@code Idempotency-Key}, items without a {@code violationId} get one derived from the key and their
 * index, so a retry after a lost answer records each violation once; a completed batch's answer is stored and
 * returned again for the same key and body.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
public class ViolationBatchController {

    private static final Logger log = LoggerFactory.getLogger(ViolationBatchController.class);

    private final CommandSender commands;
    private final Validator validator;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final ExecutorService workers;
    private final int parallelism;
    private final int chunkSize;

    public ViolationBatchController(CommandSender commands, Validator validator, JdbcTemplate jdbc, ObjectMapper mapper,
                                    @Value("${warden.intake.parallelism:4}") int parallelism,
                                    @Value("${warden.intake.chunk-size:250}") int chunkSize) {
        this.commands = commands;
        this.validator = validator;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.parallelism = Math.max(1, parallelism);
        this.chunkSize = Math.max(1, chunkSize);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "violation-intake-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    @PostMapping("/violations:batch")
    @Operation(summary = "Record up to 10,000 violations; answers how many were accepted, were duplicates, or were rejected (with index and problem)")
    public BatchAnswer record(@Valid @RequestBody AccountRequests.ViolationBatch body) {
        HttpServletRequest request = CommandSender.currentRequest();
        Map<String, Object> metaData = commands.actorMetaData(request);
        String principal = String.valueOf(metaData.get(io.warden.api.types.WardenMetaData.ACTOR));
        Optional<String> key = commands.idempotencyKey(request);
        String hash = key.isPresent() ? commands.requestHash(request, body) : null;
        if (key.isPresent()) {
            Optional<BatchAnswer> previous = previousAnswer(principal, key.get(), hash);
            if (previous.isPresent()) {
                return previous.get();
            }
        }

        List<AccountRequests.BatchViolation> items = body.violations();
        Outcome[] outcomes = new Outcome[items.size()];
        List<List<Pending>> perWorker = new ArrayList<>(parallelism);
        for (int w = 0; w < parallelism; w++) {
            perWorker.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            AccountRequests.BatchViolation item = items.get(i);
            Set<ConstraintViolation<AccountRequests.BatchViolation>> violations = item == null ? Set.of() : validator.validate(item);
            if (item == null || !violations.isEmpty()) {
                outcomes[index] = Outcome.rejected(index, invalid(item, violations));
                continue;
            }
            String violationId = item.violationId() != null ? item.violationId()
                    : key.map(k -> derivedId(principal, k, index)).orElseGet(() -> UUID.randomUUID().toString());
            perWorker.get(Math.floorMod(item.accountId().hashCode(), parallelism)).add(new Pending(index, violationId, item));
        }
        List<CompletableFuture<Void>> running = new ArrayList<>(parallelism);
        for (List<Pending> pending : perWorker) {
            if (!pending.isEmpty()) {
                running.add(CompletableFuture.runAsync(() -> send(pending, metaData, outcomes), workers));
            }
        }
        running.forEach(CompletableFuture::join);
        int accepted = 0;
        int duplicates = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected.add(new Rejection(outcome.index(), outcome.problem()));
            }
        }
        rejected.sort(Comparator.comparingInt(Rejection::index));
        BatchAnswer answer = new BatchAnswer(accepted, duplicates, rejected);
        if (key.isPresent()) {
            return remember(principal, key.get(), hash, answer);
        }
        return answer;
    }

    /**
     * Sends one worker's items (in request order) a chunk at a time; within a chunk the items are sorted by account
     * (stable, so one account's items keep their order), so that chunks running at the same time, of this request or
     * another, take their accounts' locks in the same order and never wait on each other in a circle.
     */
    private void send(List<Pending> pending, Map<String, Object> metaData, Outcome[] outcomes) {
        for (int from = 0; from < pending.size(); from += chunkSize) {
            List<Pending> chunk = new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + chunkSize)));
            chunk.sort(Comparator.comparing(p -> p.item().accountId()));
            List<Object> chunkCommands = new ArrayList<>(chunk.size());
            for (Pending p : chunk) {
                AccountRequests.BatchViolation item = p.item();
                AccountRequests.RecordViolation single = new AccountRequests.RecordViolation(p.violationId(),
                        item.category(), item.policy(), item.severity(), item.detectedAt(), item.evidence());
                chunkCommands.add(AccountCommandController.recordViolation(item.accountId(), p.violationId(), single));
            }
            List<CommandBatches.Answer> answers;
            try {
                answers = commands.sendAllWith(chunkCommands, metaData);
            } catch (RuntimeException e) {
                for (Pending p : chunk) {
                    outcomes[p.index()] = Outcome.rejected(p.index(), problemFor(e, p.item()));
                }
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                Pending p = chunk.get(i);
                CommandBatches.Answer answer = answers.get(i);
                outcomes[p.index()] = outcome(p, answer);
            }
        }
    }

    private static Outcome outcome(Pending p, CommandBatches.Answer answer) {
        if (answer.failed()) {
            RuntimeException e = answer.failure();
            return Outcome.rejected(p.index(), problemFor(e instanceof CommandExecutionException && e.getCause() != null
                    ? e.getCause() : e, p.item()));
        }
        if (!(answer.result() instanceof CommandResult result)) {
            return Outcome.rejected(p.index(), problemFor(new IllegalStateException("unexpected answer "
                    + answer.result()), p.item()));
        }
        return result.changed() ? Outcome.accepted(p.index()) : Outcome.duplicate(p.index());
    }

    private record Pending(int index, String violationId, AccountRequests.BatchViolation item) {
    }

    private static ProblemDetail problemFor(Throwable e, AccountRequests.BatchViolation item) {
        if (e instanceof AggregateNotFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No account with id '" + item.accountId() + "' exists.");
        }
        if (e instanceof UnknownResourceException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof CommandRefusedException) {
            return Problems.of(HttpStatus.CONFLICT, "command-refused", "Command refused", e.getMessage());
        }
        if (e instanceof ConcurrencyException) {
            return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                    "Another command changed this account at the same moment; send this item again.");
        }
        if (e instanceof InvalidCommandException) {
            return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "command-invalid", "Command cannot be carried out", e.getMessage());
        }
        log.error("Unexpected error recording violation for account {}", item.accountId(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "This item could not be recorded; nothing was stored for it. Send it again.");
    }

    private static ProblemDetail invalid(AccountRequests.BatchViolation item,
                                         Set<ConstraintViolation<AccountRequests.BatchViolation>> violations) {
        if (item == null) {
            return Problems.invalid("The item is null.", List.of());
        }
        List<Problems.FieldProblem> errors = violations.stream()
                .map(v -> new Problems.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problems.FieldProblem::field))
                .toList();
        return Problems.invalid("The item has " + errors.size() + " invalid field(s).", errors);
    }

    private static String derivedId(String principal, String key, int index) {
        return UUID.nameUUIDFromBytes((principal + "\n" + key + "\n" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<BatchAnswer> previousAnswer(String principal, String key, String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_hash, response_body from idempotency_keys where principal = ? and idempotency_key = ?",
                principal, key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash")) || row.get("response_body") == null) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(mapper.readValue(row.get("response_body").toString(), BatchAnswer.class));
    }

    /** Stores the answer; if a concurrent duplicate stored one first, that one is the answer. */
    private BatchAnswer remember(String principal, String key, String hash, BatchAnswer answer) {
        int stored = jdbc.update("""
                insert into idempotency_keys (principal, idempotency_key, request_hash, response_status, response_body)
                values (?, ?, ?, 200, ?) on conflict do nothing""", principal, key, hash, mapper.writeValueAsString(answer));
        return stored == 1 ? answer : previousAnswer(principal, key, hash).orElse(answer);
    }

    public record BatchAnswer(int accepted, int duplicates, List<Rejection> rejected) {
    }

    public record Rejection(int index, ProblemDetail problem) {
    }

    private record Outcome(Kind kind, int index, ProblemDetail problem) {
        enum Kind { ACCEPTED, DUPLICATE, REJECTED }

        static Outcome accepted(int index) {
            return new Outcome(Kind.ACCEPTED, index, null);
        }

        static Outcome duplicate(int index) {
            return new Outcome(Kind.DUPLICATE, index, null);
        }

        static Outcome rejected(int index, ProblemDetail problem) {
            return new Outcome(Kind.REJECTED, index, problem);
        }
    }
}
