package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A note was added to a case. */
@Revision("1")
public record CaseNoteAddedEvent(String caseId, String noteId, String text, String author) {
}
