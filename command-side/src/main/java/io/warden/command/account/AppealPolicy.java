package io.warden.command.account;

import io.warden.command.common.CommandRefusedException;

import java.util.ArrayList;
import java.util.List;

/**
 * Appeals: one contests the account's ban if it is banned, otherwise its suspension; it is decided by someone who
 * had no hand in the contested action; overturning it ends that action and, for a ban, a suspension beneath it.
 */
final class AppealPolicy {

    ImposedAction contestable(String accountId, ImposedAction ban, ImposedAction suspension) {
        if (ban != null) {
            return ban;
        }
        if (suspension != null) {
            return suspension;
        }
        throw new CommandRefusedException("Account " + accountId + " is neither suspended nor banned; "
                + "only a suspension or a ban can be appealed");
    }

    void requireImpartial(String accountId, OpenAppeal appeal, String decider) {
        ImposedAction contested = appeal.contested();
        if (contested.involves(decider)) {
            throw new CommandRefusedException(decider + " took part in " + contested.kind().name().toLowerCase()
                    + " " + contested.actionId() + " of account " + accountId + ", which appeal " + appeal.appealId()
                    + " contests; someone who had no part in that action must decide the appeal");
        }
    }

    /**
     * The actions an overturned appeal ends, among those still in force: an action that has already ended (a
     * suspension reinstated while the appeal was open) is not ended twice, and a ban imposed after an appeal
     * against a suspension is not ended by it.
     */
    List<String> endedByOverturn(OpenAppeal appeal, ImposedAction ban, ImposedAction suspension) {
        String contestedId = appeal.contested().actionId();
        List<String> ended = new ArrayList<>(2);
        switch (appeal.contested().kind()) {
            case BAN -> {
                if (ban != null && ban.actionId().equals(contestedId)) {
                    ended.add(ban.actionId());
                    if (suspension != null) {
                        ended.add(suspension.actionId());
                    }
                }
            }
            case SUSPEND -> {
                if (suspension != null && suspension.actionId().equals(contestedId)) {
                    ended.add(suspension.actionId());
                }
            }
            case FLAG, RESTRICT -> throw new IllegalStateException("appeals contest suspensions and bans only");
        }
        return List.copyOf(ended);
    }
}
