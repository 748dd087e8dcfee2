package io.warden.query.accounts;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountViewRepository extends JpaRepository<AccountViewEntry, String> {
}
