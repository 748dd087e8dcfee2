package io.warden.command.takedown;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.types.ActionKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Drives a campaign takedown, one chunk of accounts per step. A step is the handling of one event of the case
 * (started, then each progress): it acts on the next chunk and records the chunk on the case, whose progress event
 * brings the next step. The saga's state, its tracking token and the recorded progress commit in one transaction,
 * so after a restart the step in flight runs again: its accounts answer their first outcome (deterministic action
 * ids) and the case refuses to count a chunk twice (the cursor it starts from no longer matches).
 * <p>
 * A takedown that needs approval is requested, waits (nothing happens until its start), and ends here if rejected.
 * A step that fails as a whole (the database, a shutdown) must not be logged and skipped, or the takedown would
 * wait for a progress event that never comes: its processor's errors propagate and the step is retried.
 */
@Saga
@ProcessingGroup(CampaignTakedownSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class CampaignTakedownSaga {

    public static final String PROCESSING_GROUP = "campaign-takedown";
    private static final String ASSOCIATION = "enforcementId";

    private String caseId;
    private String enforcementId;
    private ActionKind action;
    private String reason;
    private String requestedBy;
    private String approvedBy;

    public CampaignTakedownSaga() {
        // for Axon and Jackson
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CaseEnforcementRequestedEvent event) {
        caseId = event.caseId();
        enforcementId = event.enforcementId();
        action = event.action();
        reason = event.reason();
        requestedBy = event.requestedBy();
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CaseEnforcementStartedEvent event, EventMessage<?> message, CommandGateway gateway,
            TakedownChunks chunks) {
        approvedBy = event.approvedBy();
        step(null, message, gateway, chunks);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CaseEnforcementProgressedEvent event, EventMessage<?> message, CommandGateway gateway,
            TakedownChunks chunks) {
        if (!event.finished()) {
            step(event.cursor(), message, gateway, chunks);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CaseEnforcementRejectedEvent event) {
        // nothing was touched; the saga ends with the proposal
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CaseEnforcementCompletedEvent event) {
        // the outcome is on the case; nothing is left to drive
    }

    private void step(String cursor, EventMessage<?> cause, CommandGateway gateway, TakedownChunks chunks) {
        TakedownPlan plan = new TakedownPlan(caseId, enforcementId, action, reason, requestedBy, approvedBy);
        gateway.sendAndWait(chunks.next(gateway, plan, cursor, cause.getIdentifier()));
    }
}
