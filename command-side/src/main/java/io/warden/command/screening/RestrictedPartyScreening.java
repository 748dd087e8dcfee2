package io.warden.command.screening;

import java.util.List;

/**
 * Screens a name against one list version: the matches at or above the threshold are treated as the listed party.
 * The threshold was chosen on the evaluation set (README, "Export controls"): at 0.90 recall on listed variants is
 * at least 0.95 with at most 1% false positives on real unlisted companies.
 */
public final class RestrictedPartyScreening {

    public static final double DEFAULT_THRESHOLD = 0.90;
    /** How far below the threshold {@link #check} still shows resemblances to an analyst. */
    static final double REVIEW_MARGIN = 0.10;
    private static final int MAX_MATCHES = 10;

    private final ScreeningIndex index;
    private final double threshold;

    public RestrictedPartyScreening(ScreeningIndex index, double threshold) {
        this.index = index;
        this.threshold = requireValidThreshold(threshold);
    }

    public static double requireValidThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("warden.screening.threshold must be in (0, 1], not " + threshold);
        }
        return threshold;
    }

    /** Entries that {@code name} is taken to be: each becomes a RESTRICTED_PARTY violation. */
    public List<ScreeningMatch> screen(String name, String country) {
        return index.screen(name, country, threshold, MAX_MATCHES);
    }

    /** For an analyst: ranked resemblances down to a little below the threshold, each with its explanation. */
    public List<ScreeningMatch> check(String name, String country) {
        return index.screen(name, country, Math.max(0.01, threshold - REVIEW_MARGIN), MAX_MATCHES);
    }

    public double threshold() {
        return threshold;
    }

    public ScreeningIndex index() {
        return index;
    }
}
