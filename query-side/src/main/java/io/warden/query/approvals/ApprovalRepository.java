package io.warden.query.approvals;

import io.warden.api.types.ApprovalStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

interface ApprovalRepository extends JpaRepository<ApprovalEntry, String> {

    Page<ApprovalEntry> findByStatusAndExpiresAtAfter(ApprovalStatus status, Instant now, Pageable pageable);

    Page<ApprovalEntry> findByStatus(ApprovalStatus status, Pageable pageable);

    /** Expired by its recorded event, or pending past its time while the expiry deadline has not fired yet. */
    @Query("""
            select a from ApprovalEntry a
            where a.status = io.warden.api.types.ApprovalStatus.EXPIRED
               or (a.status = io.warden.api.types.ApprovalStatus.PENDING and a.expiresAt <= :now)""")
    Page<ApprovalEntry> findExpired(@Param("now") Instant now, Pageable pageable);
}
