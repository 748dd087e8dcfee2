package io.warden.command.organization;

/**
 * An organization more than half owned, directly or indirectly, by organizations headquartered in unsupported
 * regions is controlled from there, and restricted wherever it operates. Exactly 50% is not control.
 */
public final class ForeignControlPolicy {

    public static final double CONTROL_THRESHOLD_PERCENT = 50.0;
    /** Shares are compared at this precision, so 0.5 × 0.6 × 100 is 30, not 30.000000000000004. */
    private static final double EPSILON = 1e-9;

    public boolean isControlled(double sharePercent) {
        return sharePercent > CONTROL_THRESHOLD_PERCENT + EPSILON;
    }
}
