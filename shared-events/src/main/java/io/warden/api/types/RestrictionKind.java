package io.warden.api.types;

/** What a restriction limits. */
public enum RestrictionKind {
    RATE_LIMIT, MODEL_ACCESS, REGION_BLOCK
}
