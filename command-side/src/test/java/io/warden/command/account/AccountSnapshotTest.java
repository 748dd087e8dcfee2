package io.warden.command.account;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.EnforcementApprovedEvent;
import io.warden.api.events.EnforcementProposedEvent;
import io.warden.api.events.EnforcementRejectedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.Evidence;
import io.warden.api.types.RestrictionKind;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts are snapshotted as JSON; a snapshot that loses state would silently change later decisions. */
class AccountSnapshotTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_account_with_every_kind_of_state_survives_a_json_round_trip() {
        Account account = accountWithEverything();

        String snapshot = json.writeValueAsString(account);
        Account restored = json.readValue(snapshot, Account.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(account);
        assertThat(restored.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(snapshot).contains("\"accountId\":\"acc-1\"", "\"pendingProposals\"", "\"closedProposals\"",
                "\"openAppeal\"", "\"activeRestrictions\"", "\"decidedAppealIds\"");
    }

    @Test
    void the_state_survives_even_when_the_account_is_banned() {
        Account account = accountWithEverything();
        account.on(new AccountBannedEvent("acc-1", "b-1", "ring", grounds(), "alice", "bob"));

        Account restored = json.readValue(json.writeValueAsString(account), Account.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(account);
        assertThat(restored.status()).isEqualTo(AccountStatus.BANNED);
    }

    @Test
    void a_new_account_survives_a_round_trip_and_takes_state_afterwards_like_one_never_snapshotted() {
        Account account = new Account();
        account.on(new AccountRegisteredEvent("acc-2", "Acme Labs", "org-acme", "US", Tier.FREE));

        Account restored = json.readValue(json.writeValueAsString(account), Account.class);
        assertThat(restored).usingRecursiveComparison().isEqualTo(account);

        for (Account a : List.of(account, restored)) {
            a.on(new ViolationRecordedEvent("acc-2", "v-9", ViolationCategory.USAGE_POLICY, "DISTILLATION",
                    Severity.LOW, Instant.parse("2026-02-23T09:15:00Z"), null));
            a.on(new AccountRestrictedEvent("acc-2", "r-9", RestrictionKind.RATE_LIMIT, "slow", grounds(), null));
        }
        assertThat(restored).usingRecursiveComparison().isEqualTo(account);
        assertThat(restored.status()).isEqualTo(AccountStatus.RESTRICTED);
    }

    @Test
    void accounts_start_from_shared_empty_collections_but_never_share_an_entry() {
        Account first = new Account();
        first.on(new AccountRegisteredEvent("acc-3", "Acme Labs", "org-acme", "US", Tier.FREE));
        Account second = new Account();
        second.on(new AccountRegisteredEvent("acc-4", "Acme Labs", "org-acme", "US", Tier.FREE));

        first.on(new AccountRestrictedEvent("acc-3", "r-1", RestrictionKind.RATE_LIMIT, "slow", grounds(), null));

        assertThat(first.status()).isEqualTo(AccountStatus.RESTRICTED);
        assertThat(second.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(json.writeValueAsString(second)).contains("\"activeRestrictions\":{}");
    }

    private static EnforcementGrounds grounds() {
        return new EnforcementGrounds(List.of("v-1", "v-2"), "case-9");
    }

    private static Account accountWithEverything() {
        Instant t = Instant.parse("2026-02-23T09:15:00Z");
        Account account = new Account();
        account.on(new AccountRegisteredEvent("acc-1", "Acme Labs", "org-acme", "US", Tier.ENTERPRISE));
        account.on(new ViolationRecordedEvent("acc-1", "v-1", ViolationCategory.USAGE_POLICY, "DISTILLATION",
                Severity.HIGH, t, new Evidence("d", "s", 0.9, 10L, "US")));
        account.on(new ViolationRecordedEvent("acc-1", "v-2", ViolationCategory.EXPORT_CONTROL, "RESTRICTED_PARTY",
                Severity.CRITICAL, t, null));
        account.on(new AccountFlaggedEvent("acc-1", "watch", List.of("v-1")));
        account.on(new AccountRestrictedEvent("acc-1", "r-1", RestrictionKind.RATE_LIMIT, "slow", grounds(), null));
        account.on(new AccountRestrictedEvent("acc-1", "r-2", RestrictionKind.REGION_BLOCK, "region", grounds(), t));
        account.on(new RestrictionLiftedEvent("acc-1", "r-2", RestrictionKind.REGION_BLOCK, "done"));
        account.on(new EnforcementProposedEvent("acc-1", "s-1", ActionKind.SUSPEND, "ring", grounds(), "alice", t));
        account.on(new EnforcementApprovedEvent("acc-1", "s-1", ActionKind.SUSPEND, "alice", "bob", "ok"));
        account.on(new AccountSuspendedEvent("acc-1", "s-1", "ring", grounds(), "alice", "bob"));
        account.on(new EnforcementProposedEvent("acc-1", "b-0", ActionKind.BAN, "ring", grounds(), "alice", t));
        account.on(new EnforcementRejectedEvent("acc-1", "b-0", ActionKind.BAN, "alice", "erin", "not yet"));
        account.on(new EnforcementProposedEvent("acc-1", "b-1", ActionKind.BAN, "ring", grounds(), "alice",
                t.plusSeconds(3600)));
        account.on(new AppealFiledEvent("acc-1", "ap-1", "s-1", ActionKind.SUSPEND, "unfair"));
        return account;
    }
}
