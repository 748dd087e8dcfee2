package io.warden.infra.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.infra.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Event processors and their dead letters, for operators (ADMIN, see {@code SecurityConfig}). */
@RestController
@Validated
@RequestMapping("/api/v1/admin")
@Tag(name = "Operations")
public class ProcessorAdminController {

    private final ProcessorOperations operations;

    public ProcessorAdminController(ProcessorOperations operations) {
        this.operations = operations;
    }

    @GetMapping("/processors")
    @Operation(summary = "Every event processor: segments, position, head of the store, lag, replaying, dead letters")
    public ProcessorList processors() {
        return new ProcessorList(operations.list());
    }

    @PostMapping("/processors/{name}/replay")
    @Operation(summary = "Rebuild the processor's read models from the event store; 202 at once, GET /processors shows"
            + " replaying until it has caught up. The other processors and the API keep running.")
    public ResponseEntity<ReplayAccepted> replay(@PathVariable String name) {
        operations.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ReplayAccepted(name, "REPLAYING", "/api/v1/admin/processors"));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Parked events, by processor and sequence (aggregate), with why their handling failed")
    public DeadLetterPage deadLetters(@RequestParam(required = false) String processor,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return operations.deadLetters(processor, page, size);
    }

    @PostMapping("/dead-letters/{processor}/retry")
    @Operation(summary = "Handle the processor's parked sequences again; answers how many succeeded and how many are still parked")
    public RetryResult retry(@PathVariable String processor) {
        return operations.retry(processor);
    }

    @ExceptionHandler(ProcessorOperationRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ProcessorOperationRefusedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "processor-operation-refused", "Operation refused", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    public record ProcessorList(List<ProcessorStatus> items) {
    }

    public record ReplayAccepted(String processor, String status, String statusUrl) {
    }
}
