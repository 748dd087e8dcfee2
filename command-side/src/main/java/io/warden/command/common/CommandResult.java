package io.warden.command.common;

/**
 * What a command handler answers: the id of the resource it acted on, the aggregate's version (sequence number of
 * its last event) afterwards, and whether the command was a no-op ({@code changed == false}) or left a proposal
 * awaiting approval ({@code pendingApproval}).
 */
public record CommandResult(String resourceId, long version, boolean changed, boolean pendingApproval, String status) {

    public static CommandResult changed(String resourceId, long version) {
        return new CommandResult(resourceId, version, true, false, null);
    }

    public static CommandResult changed(String resourceId, long version, String status) {
        return new CommandResult(resourceId, version, true, false, status);
    }

    public static CommandResult unchanged(String resourceId, long version, String status) {
        return new CommandResult(resourceId, version, false, false, status);
    }

    public static CommandResult pending(String resourceId, long version) {
        return new CommandResult(resourceId, version, true, true, "PENDING_APPROVAL");
    }
}
