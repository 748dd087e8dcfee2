package io.warden.api.types;

/** Escalation tiers of a case, in ascending order; escalation only goes up. */
public enum CaseTier {
    T1_TRIAGE, T2_INVESTIGATION, T3_LEGAL, T4_EXTERNAL_REFERRAL;

    public boolean isAbove(CaseTier other) {
        return compareTo(other) > 0;
    }
}
