package io.warden.query.approvals;

import io.warden.api.types.ApprovalStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;

interface ApprovalRepository extends JpaRepository<ApprovalEntry, String> {

    Page<ApprovalEntry> findByStatusAndExpiresAtAfter(ApprovalStatus status, Instant now, Pageable pageable);

    Page<ApprovalEntry> findByStatusAndExpiresAtLessThanEqual(ApprovalStatus status, Instant now, Pageable pageable);

    Page<ApprovalEntry> findByStatus(ApprovalStatus status, Pageable pageable);
}
