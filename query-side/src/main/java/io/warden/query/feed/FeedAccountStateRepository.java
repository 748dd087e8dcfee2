package io.warden.query.feed;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeedAccountStateRepository extends JpaRepository<FeedAccountState, String> {
}
