package io.warden.api.types;

/** How serious a violation or a case is. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
