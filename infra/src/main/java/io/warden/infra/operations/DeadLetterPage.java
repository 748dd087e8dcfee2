package io.warden.infra.operations;

import java.util.List;

public record DeadLetterPage(List<DeadLetterSummary> items, int page, int size, long totalItems) {
}
