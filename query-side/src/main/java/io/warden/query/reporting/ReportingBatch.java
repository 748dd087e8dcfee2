package io.warden.query.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one batch of events (one unit of work, one transaction) changes in the reporting tables, written once
 * just before it commits: each account and case row read once and written once however many of its events the batch
 * holds, new rows in batched inserts, and the rows many aggregates share last and in key order
 * ({@link CounterDeltas}), so that they are locked for the shortest time and always in the same order.
 */
final class ReportingBatch {

    record Violation(AccountFacts account, String violationId, String category, String policy, String severity,
                     Instant detectedAt, Instant recordedAt) {
    }

    record Action(String accountId, String actionId, String kind, Instant takenAt, String takenBy, String approvedBy,
                  String caseId, List<String> citedViolationIds) {
    }

    record Ending(String accountId, String actionId, Instant at) {
    }

    record Link(String caseId, List<String> accountIds) {
    }

    private final ReportingStore store;
    private final Map<String, Optional<AccountFacts>> accounts = new HashMap<>();
    private final Set<String> newAccounts = new LinkedHashSet<>();
    private final Set<String> changedAccounts = new LinkedHashSet<>();
    private final Map<String, Optional<CaseFacts>> cases = new HashMap<>();
    private final Set<String> newCases = new LinkedHashSet<>();
    private final Set<String> changedCases = new LinkedHashSet<>();
    final List<Violation> violations = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final List<Ending> endings = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final CounterDeltas deltas = new CounterDeltas();

    /** Aggregates of the batch's events, read in one query each for accounts and cases at their first miss. */
    private final Set<String> batchAggregates;
    private boolean accountsPreloaded;
    private boolean casesPreloaded;

    ReportingBatch(ReportingStore store) {
        this(store, Set.of());
    }

    ReportingBatch(ReportingStore store, Set<String> batchAggregates) {
        this.store = store;
        this.batchAggregates = batchAggregates;
    }

    Optional<AccountFacts> account(String accountId) {
        if (!accountsPreloaded && !accounts.containsKey(accountId) && batchAggregates.contains(accountId)) {
            accountsPreloaded = true;
            Set<String> wanted = new LinkedHashSet<>(batchAggregates);
            wanted.removeAll(accounts.keySet());
            Map<String, AccountFacts> found = store.accounts(wanted);
            wanted.forEach(id -> accounts.put(id, Optional.ofNullable(found.get(id))));
        }
        return accounts.computeIfAbsent(accountId, store::account);
    }

    void register(AccountFacts account) {
        accounts.put(account.accountId, Optional.of(account));
        newAccounts.add(account.accountId);
    }

    void changed(AccountFacts account) {
        changedAccounts.add(account.accountId);
    }

    Optional<CaseFacts> caseFacts(String caseId) {
        if (!casesPreloaded && !cases.containsKey(caseId) && batchAggregates.contains(caseId)) {
            casesPreloaded = true;
            Set<String> wanted = new LinkedHashSet<>(batchAggregates);
            wanted.removeAll(cases.keySet());
            Map<String, CaseFacts> found = store.cases(wanted);
            wanted.forEach(id -> cases.put(id, Optional.ofNullable(found.get(id))));
        }
        return cases.computeIfAbsent(caseId, store::caseFacts);
    }

    void open(CaseFacts facts) {
        cases.put(facts.caseId, Optional.of(facts));
        newCases.add(facts.caseId);
    }

    void changed(CaseFacts facts) {
        changedCases.add(facts.caseId);
    }

    /** Inserts before updates, so an action taken and ended within the batch ends; shared rows last. */
    void flush() {
        store.insertAccounts(rows(accounts, newAccounts));
        changedAccounts.removeAll(newAccounts);
        store.updateAccounts(rows(accounts, changedAccounts));
        store.insertCases(rows(cases, newCases));
        changedCases.removeAll(newCases);
        store.updateCases(rows(cases, changedCases));
        store.insertViolations(violations);
        store.insertActions(actions);
        store.endActions(endings);
        links.forEach(link -> store.linkAccounts(link.caseId(), link.accountIds()));
        store.apply(deltas);
    }

    private static <T> List<T> rows(Map<String, Optional<T>> cache, Set<String> ids) {
        List<T> rows = new ArrayList<>(ids.size());
        ids.forEach(id -> cache.get(id).ifPresent(rows::add));
        return rows;
    }
}
