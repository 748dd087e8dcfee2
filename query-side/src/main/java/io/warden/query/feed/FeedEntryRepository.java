package io.warden.query.feed;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import java.util.Collection;
import java.util.List;

interface FeedEntryRepository extends JpaRepository<FeedEntry, Long> {

    /**
     * Whether the event has its entry already (a redelivery). Without flushing first: the unflushed entries are the
     * current batch's own, of other events, and a flush per event would dirty-check the whole batch each time.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    boolean existsByEventId(String eventId);

    /** Which of these events have their entry already, in one query (without flushing first, as above). */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select e.eventId from FeedEntry e where e.eventId in :eventIds")
    List<String> recordedEventIds(@Param("eventIds") Collection<String> eventIds);

    @Query("select coalesce(max(e.position), 0) from FeedEntry e")
    long lastPosition();

    List<FeedEntry> findByPositionGreaterThanOrderByPositionAsc(long after, Pageable limit);
}
