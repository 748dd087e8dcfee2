package io.warden.api.types;

/** The roles a principal can hold. */
public enum Role {
    ENFORCER, APPROVER, AUDITOR, DETECTOR, ADMIN
}
