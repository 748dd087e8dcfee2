package io.warden.query.feed;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface FeedEntryRepository extends JpaRepository<FeedEntry, Long> {

    boolean existsByEventId(String eventId);

    @Query("select coalesce(max(e.position), 0) from FeedEntry e")
    long lastPosition();

    List<FeedEntry> findByPositionGreaterThanOrderByPositionAsc(long after, Pageable limit);
}
