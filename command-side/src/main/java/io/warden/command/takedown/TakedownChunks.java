package io.warden.command.takedown;

import io.warden.api.types.AccountOutcome;
import io.warden.api.types.WardenMetaData;
import io.warden.command.account.ApplyCampaignActionCommand;
import io.warden.command.account.CampaignActionResult;
import io.warden.command.cases.RecordTakedownProgressCommand;
import io.warden.command.cases.TakedownPolicy;
import io.warden.command.common.CommandBatches;
import io.warden.command.lookup.CommandSideLookups;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One step of a takedown: the next {@code chunkSize} linked accounts (in id order, after the cursor) get their
 * command, spread over {@code parallelism} threads in contiguous slices; each thread sends its slice
 * {@code accountsPerTransaction} accounts at a time through {@link CommandBatches}, one transaction for all of them,
 * and a group in which any account fails is sent again one account per transaction, so that one refused account
 * fails alone and every account's outcome is the one it gets on its own. Then the chunk's outcome is summed into one
 * {@link RecordTakedownProgressCommand}.
 * <p>
 * The account commands run on the {@code executor}'s threads, outside the saga's unit of work: their metadata is set
 * here (the requester as actor, the takedown's id as correlation id, so every account's trail ties back to it).
 */
public final class TakedownChunks {

    /** Skips and failures named per chunk (with account and reason); the counts are always complete. */
    static final int NAMED_PER_CHUNK = 20;

    private final CommandSideLookups lookups;
    private final TakedownPolicy policy;
    private final Executor executor;
    private final CommandBatches batches;
    private final int accountsPerTransaction;

    /** Each account command in its own transaction. */
    public TakedownChunks(CommandSideLookups lookups, TakedownPolicy policy, Executor executor) {
        this(lookups, policy, executor, CommandBatches.oneByOne(), 1);
    }

    public TakedownChunks(CommandSideLookups lookups, TakedownPolicy policy, Executor executor, CommandBatches batches,
                          int accountsPerTransaction) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.batches = Objects.requireNonNull(batches, "batches");
        if (accountsPerTransaction < 1) {
            throw new IllegalArgumentException("accountsPerTransaction must be positive, not " + accountsPerTransaction);
        }
        this.accountsPerTransaction = accountsPerTransaction;
    }

    /** Handles the chunk after {@code cursor} and answers the progress to record for it. */
    RecordTakedownProgressCommand next(CommandGateway gateway, TakedownPlan plan, String cursor, String causationId) {
        List<String> accounts = lookups.accountsLinkedToCase(plan.caseId(), cursor, policy.chunkSize());
        if (accounts.isEmpty()) {
            return new RecordTakedownProgressCommand(plan.caseId(), plan.enforcementId(), cursor, cursor, 0, 0, 0,
                    List.of(), List.of(), true);
        }
        MetaData metaData = MetaData.with(WardenMetaData.ACTOR, plan.requestedBy())
                .and(WardenMetaData.CORRELATION_ID, plan.enforcementId())
                .and(WardenMetaData.CAUSATION_ID, causationId);
        List<List<String>> slices = slices(accounts, policy.parallelism());
        List<CompletableFuture<Tally>> running = new ArrayList<>();
        for (List<String> slice : slices) {
            running.add(CompletableFuture.supplyAsync(() -> apply(gateway, plan, slice, metaData), executor));
        }
        Tally chunk = new Tally();
        for (CompletableFuture<Tally> slice : running) {
            chunk.add(slice.join());
        }
        boolean last = accounts.size() < policy.chunkSize();
        return new RecordTakedownProgressCommand(plan.caseId(), plan.enforcementId(), cursor,
                accounts.get(accounts.size() - 1), chunk.done, chunk.skipped, chunk.failed,
                List.copyOf(chunk.skips), List.copyOf(chunk.failures), last);
    }

    private Tally apply(CommandGateway gateway, TakedownPlan plan, List<String> accounts, MetaData metaData) {
        Tally tally = new Tally();
        for (int from = 0; from < accounts.size(); from += accountsPerTransaction) {
            List<String> group = accounts.subList(from, Math.min(accounts.size(), from + accountsPerTransaction));
            List<CommandMessage<?>> commands = new ArrayList<>(group.size());
            for (String accountId : group) {
                commands.add(GenericCommandMessage.asCommandMessage(new ApplyCampaignActionCommand(accountId,
                        plan.enforcementId(), plan.caseId(), plan.action(), plan.reason(), plan.requestedBy(),
                        plan.approvedBy())).andMetaData(metaData));
            }
            List<CommandBatches.Answer> answers = batches.sendAll(gateway, commands);
            for (int i = 0; i < group.size(); i++) {
                count(tally, group.get(i), answers.get(i));
            }
        }
        return tally;
    }

    private static void count(Tally tally, String accountId, CommandBatches.Answer answer) {
        if (answer.failed()) {
            RuntimeException e = answer.failure();
            if (e instanceof AggregateNotFoundException) {
                tally.fail(new AccountOutcome(accountId, "account " + accountId + " is not registered"));
            } else {
                tally.fail(new AccountOutcome(accountId, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
        } else if (answer.result() instanceof CampaignActionResult result
                && result.outcome() == CampaignActionResult.Outcome.APPLIED) {
            tally.done++;
        } else if (answer.result() instanceof CampaignActionResult result) {
            tally.skip(new AccountOutcome(accountId, result.reason()));
        } else {
            tally.fail(new AccountOutcome(accountId, "unexpected answer " + answer.result()));
        }
    }

    private static List<List<String>> slices(List<String> accounts, int parallelism) {
        int size = (accounts.size() + parallelism - 1) / parallelism;
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += size) {
            slices.add(accounts.subList(from, Math.min(accounts.size(), from + size)));
        }
        return slices;
    }

    private static final class Tally {
        long done;
        long skipped;
        long failed;
        final List<AccountOutcome> skips = new ArrayList<>();
        final List<AccountOutcome> failures = new ArrayList<>();

        void skip(AccountOutcome outcome) {
            skipped++;
            if (skips.size() < NAMED_PER_CHUNK) {
                skips.add(outcome);
            }
        }

        void fail(AccountOutcome outcome) {
            failed++;
            if (failures.size() < NAMED_PER_CHUNK) {
                failures.add(outcome);
            }
        }

        void add(Tally other) {
            done += other.done;
            skipped += other.skipped;
            failed += other.failed;
            other.skips.stream().limit(NAMED_PER_CHUNK - skips.size()).forEach(skips::add);
            other.failures.stream().limit(NAMED_PER_CHUNK - failures.size()).forEach(failures::add);
        }
    }
}
