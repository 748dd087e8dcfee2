package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.types.RejectedRow;
import io.warden.command.common.CommandResult;
import io.warden.command.exportcontrol.ExportControlViolations;
import io.warden.command.exportcontrol.ScreeningSubjects;
import io.warden.command.screening.MalformedListException;
import io.warden.command.screening.RestrictedPartyScreening;
import io.warden.command.screening.ScreeningListStore;
import io.warden.command.screening.ScreeningLists;
import io.warden.command.screening.ScreeningMatch;
import io.warden.infra.exportcontrol.ScreeningHolder;
import io.warden.infra.exportcontrol.ScreeningListImporter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Restricted-party lists (ADMIN), the analysts' screening check, and on-demand screening of one account. */
@RestController
@Validated
@RequestMapping("/api/v1")
@Tag(name = "Export controls", description = "Restricted-party lists, screening and ownership-based control")
public class ScreeningController {

    private final ScreeningListImporter importer;
    private final ScreeningListStore lists;
    private final ScreeningHolder screening;
    private final ScreeningSubjects subjects;
    private final CommandSender commands;
    private final Clock clock;

    public ScreeningController(ScreeningListImporter importer, ScreeningListStore lists, ScreeningHolder screening,
                               ScreeningSubjects subjects, CommandSender commands, Clock clock) {
        this.importer = importer;
        this.lists = lists;
        this.screening = screening;
        this.subjects = subjects;
        this.commands = commands;
        this.clock = clock;
    }

    public record ImportAnswer(String importId, String status, int rows, int rejected, List<RejectedRow> rejectedRows,
                               String checksum) {
    }

    public record ImportSummary(String importId, String source, int rows, int rejected, String checksum, boolean active,
                                Instant importedAt, String importedBy) {
    }

    public record ImportPage(List<ImportSummary> items, int page, int size, long totalItems) {
    }

    public record CheckAnswer(List<ScreeningMatch> matches, String importId, double threshold) {
    }

    public record AccountScreeningAnswer(String accountId, String organization, String importId,
                                         List<ScreeningMatch> matches, List<String> violationIds, int recorded) {
    }

    @PostMapping(path = "/admin/screening/lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a list in the CSL CSV layout (multipart 'file', plain or gzip) as the new active version; "
            + "every account is re-screened in the background (202)")
    public ResponseEntity<ImportAnswer> importList(@RequestPart("file") MultipartFile file) throws IOException {
        HttpServletRequest request = CommandSender.currentRequest();
        Map<String, Object> metaData = new HashMap<>(commands.actorMetaData(request));
        String source = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        // a retry with the same Idempotency-Key and the same file answers the first import again
        commands.idempotencyKey(request).ifPresent(key -> {
            metaData.put(IdempotencyInterceptor.KEY, key);
            metaData.put(IdempotencyInterceptor.REQUEST_HASH, commands.requestHash(request,
                    Map.of("file", source, "sha256", sha256(file))));
        });
        try (InputStream in = file.getInputStream()) {
            ScreeningListImporter.Imported imported = importer.importList(in, source, metaData);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ImportAnswer(imported.importId(),
                    imported.status(), imported.rows(), imported.rejected().size(), imported.rejected(),
                    imported.checksum()));
        }
    }

    private static String sha256(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not read the uploaded file", e);
        }
    }

    @GetMapping("/admin/screening/lists")
    @Operation(summary = "Every import of the list, newest first, with the active one marked")
    public ImportPage imports(@RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<ImportSummary> all = lists.imports(ScreeningLists.CONSOLIDATED).stream()
                .map(i -> new ImportSummary(i.importId(), i.source(), i.rows(), i.rejected(), i.checksum(), i.active(),
                        i.importedAt(), i.importedBy()))
                .toList();
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new ImportPage(all.subList(from, to), page, size, all.size());
    }

    @PostMapping("/screening/check")
    @Operation(summary = "Ranked list entries resembling a name, down to a little below the threshold, each with the "
            + "explanation of its score")
    public CheckAnswer check(@Valid @RequestBody ExportControlRequests.ScreeningCheck body) {
        RestrictedPartyScreening active = activeScreening();
        return new CheckAnswer(active.check(body.name(), body.country()), screening.currentImportId(),
                active.threshold());
    }

    @PostMapping("/accounts/{accountId}/screening")
    @Operation(summary = "Screen one account's organization now; every match at or above the threshold becomes a "
            + "RESTRICTED_PARTY violation (once per account and list entry)")
    public AccountScreeningAnswer screenAccount(@PathVariable @Pattern(regexp = AccountRequests.ID) String accountId) {
        ScreeningSubjects.Subject subject = subjects.subject(accountId)
                .orElseThrow(() -> new ResourceNotFoundException("No account with id '" + accountId + "' exists."));
        RestrictedPartyScreening active = activeScreening();
        List<ScreeningMatch> matches = active.screen(subject.organization(), subject.country());
        Map<String, Object> metaData = commands.actorMetaData(CommandSender.currentRequest());
        Instant now = clock.instant();
        List<String> violationIds = new ArrayList<>();
        int recorded = 0;
        for (ScreeningMatch match : matches) {
            CommandResult result = commands.sendWith(
                    ExportControlViolations.restrictedParty(accountId, subject.organization(), match, now), metaData);
            violationIds.add(result.resourceId());
            if (result.changed()) {
                recorded++;
            }
        }
        return new AccountScreeningAnswer(accountId, subject.organization(), screening.currentImportId(), matches,
                violationIds, recorded);
    }

    private RestrictedPartyScreening activeScreening() {
        return screening.current().orElseThrow(() -> new NoActiveListException());
    }

    /** Screening with no list would answer "no match" for everyone, which is worse than no answer. */
    static final class NoActiveListException extends RuntimeException {
        NoActiveListException() {
            super("No restricted-party list has been imported yet; an ADMIN imports one with POST /api/v1/admin/screening/lists.");
        }
    }

    @ExceptionHandler(NoActiveListException.class)
    ResponseEntity<ProblemDetail> noList(NoActiveListException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "no-screening-list", "No screening list", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(MalformedListException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedListException e) {
        ProblemDetail problem = Problems.invalid(e.getMessage(), List.of(new Problems.FieldProblem("file",
                "must be a list in the Consolidated Screening List CSV layout, plain or gzip")));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }
}
