package io.warden.query.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes a batch of events makes to rows that events of many aggregates share: the dashboard counters, the
 * actions per day and each case's first enforcement. They are gathered during the batch and written once, just
 * before it commits, in key order: one statement per row instead of one per event, and every transaction locks
 * shared rows in the same order, so segments running side by side wait for each other but never deadlock.
 */
final class CounterDeltas {

    record CounterKey(String metric, String bucket) implements Comparable<CounterKey> {
        @Override
        public int compareTo(CounterKey o) {
            int byMetric = metric.compareTo(o.metric);
            return byMetric != 0 ? byMetric : bucket.compareTo(o.bucket);
        }
    }

    record DayKey(LocalDate day, String kind) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int byDay = day.compareTo(o.day);
            return byDay != 0 ? byDay : kind.compareTo(o.kind);
        }
    }

    final Map<CounterKey, Long> counters = new TreeMap<>();
    final Map<DayKey, Long> actionsPerDay = new TreeMap<>();
    final Map<String, Instant> caseFirstEnforcement = new TreeMap<>();

    void count(String metric, String bucket, long delta) {
        counters.merge(new CounterKey(metric, bucket), delta, Long::sum);
    }

    void actionTaken(LocalDate day, String kind) {
        actionsPerDay.merge(new DayKey(day, kind), 1L, Long::sum);
    }

    void caseEnforced(String caseId, Instant at) {
        caseFirstEnforcement.merge(caseId, at, (a, b) -> a.isBefore(b) ? a : b);
    }
}
