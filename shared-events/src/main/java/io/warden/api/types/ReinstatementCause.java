package io.warden.api.types;

/** Why a suspended or banned account was reinstated. */
public enum ReinstatementCause {
    MANUAL, APPEAL_OVERTURNED
}
