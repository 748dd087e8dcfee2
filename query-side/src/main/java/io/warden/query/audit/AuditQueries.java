package io.warden.query.audit;

import io.warden.api.queries.AuditHead;
import io.warden.api.queries.AuditTrailPage;
import io.warden.api.queries.FindAuditHeadQuery;
import io.warden.api.queries.FindAuditTrailQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Answers the audit trail's lists and its head from {@code audit_entry} only. */
@Component
class AuditQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration settleTime;

    AuditQueries(NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${warden.audit.settle-time:60s}") Duration settleTime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleTime = settleTime;
    }

    @QueryHandler
    public AuditTrailPage handle(FindAuditTrailQuery query) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.aggregateId() != null) {
            where.add("aggregate_id = :aggregateId");
            params.addValue("aggregateId", query.aggregateId());
        }
        if (query.aggregateType() != null) {
            where.add("aggregate_type = :aggregateType");
            params.addValue("aggregateType", query.aggregateType());
        }
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.addValue("from", utc(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.addValue("to", utc(query.to()));
        }
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.addValue("actor", query.actor());
        }
        if (!query.types().isEmpty()) {
            where.add("type in (:types)");
            params.addValue("types", query.types());
        }
        if (query.afterPosition() != null) {
            where.add("position > :after");
            params.addValue("after", query.afterPosition());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long offset = (long) query.page() * query.size();
        params.addValue("limit", query.size()).addValue("offset", offset);

        List<AuditRecord> rows = jdbc.query("select " + JdbcAuditLedger.ENTRY_COLUMNS + " from audit_entry" + condition
                + " order by position limit :limit offset :offset", params, JdbcAuditLedger.ENTRY);
        // a short page that is not empty is the last one: its end is the total, and a count over a million rows is spared
        long total = (!rows.isEmpty() || query.page() == 0) && rows.size() < query.size()
                ? offset + rows.size()
                : jdbc.queryForObject("select count(*) from audit_entry" + condition, params, Long.class);
        return new AuditTrailPage(rows.stream().map(AuditRecord::toView).toList(), query.page(), query.size(), total);
    }

    /**
     * The newest entry older than the settle time: below it, no late commit can still insert an event, so its hash
     * stays what it is as long as nobody alters the history.
     */
    @QueryHandler
    public AuditHead handle(FindAuditHeadQuery query) {
        Instant now = clock.instant();
        Instant settledBefore = now.minus(settleTime);
        return jdbc.query("""
                        select position, hash, occurred_at from audit_entry
                        where occurred_at <= :settled order by position desc limit 1""",
                new MapSqlParameterSource("settled", utc(settledBefore)),
                rs -> rs.next()
                        ? new AuditHead(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), settledBefore, now)
                        : new AuditHead(null, null, null, settledBefore, now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
