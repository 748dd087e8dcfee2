package io.warden.api.types;

/** An enforcement action taken on an account. */
public enum ActionKind {
    FLAG, RESTRICT, SUSPEND, BAN
}
