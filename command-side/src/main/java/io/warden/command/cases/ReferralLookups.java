package io.warden.command.cases;

import io.warden.api.types.ReferredViolation;

import java.util.List;

/**
 * The export-control violations of the accounts linked to a case, from a table the command side keeps itself
 * ({@link ReferralLookupMaintainer}), so a referral lists them without reading a read model.
 */
public interface ReferralLookups {

    /** In account, then violation id order. */
    List<ReferredViolation> exportControlViolationsOfCase(String caseId);

    void exportControlViolationRecorded(String accountId, String violationId, String policy);
}
