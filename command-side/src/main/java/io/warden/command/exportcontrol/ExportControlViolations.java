package io.warden.command.exportcontrol;

import io.warden.api.types.Evidence;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import io.warden.command.account.RecordViolationCommand;
import io.warden.command.screening.ScreeningMatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The EXPORT_CONTROL violations that screening, regions and ownership record, each with an id derived from what it
 * is about, so that finding the same thing again (a re-screening, a replay, a retry) records nothing new: the
 * Account aggregate treats a repeated violation id as a no-op.
 * <p>
 * The evidence keeps the shape detectors use: list, entry id and matched name go into the summary, the match score
 * into {@code confidence}. No new field, so no stored event changes shape.
 */
public final class ExportControlViolations {

    public static final String RESTRICTED_PARTY = "RESTRICTED_PARTY";
    public static final String UNSUPPORTED_REGION = "UNSUPPORTED_REGION";
    public static final String FOREIGN_CONTROL = "FOREIGN_CONTROL";
    static final String SCREENING_DETECTOR = "warden-screening";
    static final String REGION_DETECTOR = "warden-regions";
    static final String OWNERSHIP_DETECTOR = "warden-ownership";

    private ExportControlViolations() {
    }

    public static String restrictedPartyId(String accountId, String entryId) {
        return derivedId("restricted-party", accountId, entryId);
    }

    public static RecordViolationCommand restrictedParty(String accountId, String organization, ScreeningMatch match,
                                                         Instant detectedAt) {
        String summary = String.format(Locale.ROOT,
                "Organization \"%s\" matches \"%s\" (entry %s, primary name \"%s\") on %s with score %.4f: %s",
                organization, match.matchedName(), match.entryId(), match.name(), match.list(), match.score(),
                match.explanation());
        return new RecordViolationCommand(accountId, restrictedPartyId(accountId, match.entryId()),
                ViolationCategory.EXPORT_CONTROL, RESTRICTED_PARTY, Severity.HIGH, detectedAt,
                new Evidence(SCREENING_DETECTOR, summary, match.score(), null, null));
    }

    public static RecordViolationCommand registeredInRegion(String accountId, String country, Instant detectedAt) {
        return new RecordViolationCommand(accountId, derivedId("region-registration", accountId, country),
                ViolationCategory.EXPORT_CONTROL, UNSUPPORTED_REGION, Severity.HIGH, detectedAt,
                new Evidence(REGION_DETECTOR, "Account registered in " + country + ", an unsupported region", 1.0, null,
                        country));
    }

    /** One per account and country: thousands of violations showing traffic from one region are one finding. */
    public static RecordViolationCommand trafficFromRegion(String accountId, String country, String violationId,
                                                           Instant detectedAt) {
        return new RecordViolationCommand(accountId, derivedId("region-traffic", accountId, country),
                ViolationCategory.EXPORT_CONTROL, UNSUPPORTED_REGION, Severity.HIGH, detectedAt,
                new Evidence(REGION_DETECTOR, "Violation " + violationId + " shows traffic from " + country
                        + ", an unsupported region", 1.0, null, country));
    }

    public static RecordViolationCommand foreignControl(String accountId, String organizationId, int restriction,
                                                        double share, List<List<String>> paths, Instant detectedAt) {
        String summary = String.format(Locale.ROOT,
                "Organization %s is %.2f%% owned from unsupported regions (restriction %d); control paths: %s",
                organizationId, share, restriction,
                String.join("; ", paths.stream().map(p -> String.join(" > ", p)).toList()));
        return new RecordViolationCommand(accountId,
                derivedId("foreign-control", accountId, organizationId + "#" + restriction),
                ViolationCategory.EXPORT_CONTROL, FOREIGN_CONTROL, Severity.HIGH, detectedAt,
                new Evidence(OWNERSHIP_DETECTOR, summary, share / 100.0, null, null));
    }

    private static String derivedId(String kind, String accountId, String subject) {
        return "xc-" + UUID.nameUUIDFromBytes((kind + "\n" + accountId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
    }
}
