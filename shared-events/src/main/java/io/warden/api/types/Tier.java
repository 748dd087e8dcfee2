package io.warden.api.types;

/** An account's commercial tier; ENTERPRISE suspensions need a second person's approval. */
public enum Tier {
    FREE, PRO, ENTERPRISE
}
