package io.warden.query.support;

/**
 * Flags carry no id in their events; every view names a flag after the sequence number of the event that set it,
 * so the account view and the violation view call the same flag by the same id.
 */
public final class FlagIds {

    private FlagIds() {
    }

    public static String of(long sequence) {
        return "flag-" + sequence;
    }
}
