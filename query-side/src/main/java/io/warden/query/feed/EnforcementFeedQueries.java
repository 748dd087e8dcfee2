package io.warden.query.feed;

import io.warden.api.queries.EnforcementDecision;
import io.warden.api.queries.EnforcementDecisionPage;
import io.warden.api.queries.FindEnforcementDecisionsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers gateways from {@code enforcement_feed} only: one index range scan on the primary key. */
@Component
class EnforcementFeedQueries {

    private final FeedEntryRepository feed;

    EnforcementFeedQueries(FeedEntryRepository feed) {
        this.feed = feed;
    }

    @QueryHandler
    public EnforcementDecisionPage handle(FindEnforcementDecisionsQuery query) {
        List<EnforcementDecision> items = feed.findByPositionGreaterThanOrderByPositionAsc(query.after(),
                PageRequest.ofSize(query.limit())).stream().map(FeedEntry::toDecision).toList();
        long next = items.isEmpty() ? query.after() : items.get(items.size() - 1).position();
        return new EnforcementDecisionPage(items, query.after(), query.limit(), next);
    }
}
