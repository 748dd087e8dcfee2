package io.warden.query.feed;

import io.warden.api.types.AccountStatus;
import io.warden.query.support.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The little the feed needs to state an account's status after each decision, kept the way the aggregate keeps it
 * (a restriction counts until lifted; a reinstatement ends the suspension or ban it names).
 */
@Entity
@Table(name = "enforcement_feed_account")
class FeedAccountState extends NewUntilStored<String> {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "flagged", nullable = false)
    private boolean flagged;
    @Column(name = "restriction_ids", nullable = false)
    private String restrictionIds = "";
    @Column(name = "suspension_action_id")
    private String suspensionActionId;
    @Column(name = "ban_action_id")
    private String banActionId;

    protected FeedAccountState() {
    }

    FeedAccountState(String accountId) {
        this.accountId = accountId;
        markNew(); // saving a state made here inserts it instead of merging (which would look for the row first)
    }

    @Override
    public String getId() {
        return accountId;
    }

    String accountId() {
        return accountId;
    }

    void flag() {
        flagged = true;
    }

    void unflag() {
        flagged = false;
    }

    void restrict(String restrictionId) {
        Set<String> ids = restrictions();
        ids.add(restrictionId);
        restrictionIds = String.join(",", ids);
    }

    void liftRestriction(String restrictionId) {
        Set<String> ids = restrictions();
        ids.remove(restrictionId);
        restrictionIds = String.join(",", ids);
    }

    void suspend(String actionId) {
        suspensionActionId = actionId;
    }

    void ban(String actionId) {
        banActionId = actionId;
    }

    /** Ends whichever of the suspension and the ban the reinstatement names. */
    void reinstate(Collection<String> endedActionIds) {
        if (suspensionActionId != null && endedActionIds.contains(suspensionActionId)) {
            suspensionActionId = null;
        }
        if (banActionId != null && endedActionIds.contains(banActionId)) {
            banActionId = null;
        }
    }

    boolean isSuspension(String actionId) {
        return actionId != null && actionId.equals(suspensionActionId);
    }

    boolean isBan(String actionId) {
        return actionId != null && actionId.equals(banActionId);
    }

    AccountStatus status() {
        return AccountStatus.derive(banActionId != null, suspensionActionId != null, !restrictions().isEmpty(), flagged);
    }

    private Set<String> restrictions() {
        Set<String> ids = new LinkedHashSet<>();
        if (!restrictionIds.isEmpty()) {
            ids.addAll(Arrays.asList(restrictionIds.split(",")));
        }
        return ids;
    }
}
