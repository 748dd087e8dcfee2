package io.warden.command.account;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The action id a takedown gives an account's action: the same for the same (takedown, account), so a takedown
 * resumed after a restart names the action it may already have taken and the account recognises it.
 */
public final class CampaignActions {

    private CampaignActions() {
    }

    public static String actionId(String enforcementId, String accountId) {
        return UUID.nameUUIDFromBytes(("takedown:" + enforcementId + ":" + accountId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
