package io.warden.command.cases;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Adds a note to a case. */
public record AddCaseNoteCommand(@TargetAggregateIdentifier String caseId, String noteId, String text) {
}
