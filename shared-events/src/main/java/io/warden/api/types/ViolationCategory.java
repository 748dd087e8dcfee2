package io.warden.api.types;

/** What kind of rule a violation breaks. */
public enum ViolationCategory {
    USAGE_POLICY, EXPORT_CONTROL
}
