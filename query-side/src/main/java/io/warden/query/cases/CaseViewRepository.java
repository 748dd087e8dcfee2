package io.warden.query.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseViewRepository extends JpaRepository<CaseViewEntry, String> {
}
