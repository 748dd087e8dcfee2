package io.warden.api.types;

/** What a case is about. */
public enum CaseCategory {
    USAGE_POLICY, EXPORT_CONTROL, MIXED
}
