package io.warden.query.support;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;

/**
 * A view row that keeps an aggregate's whole {@link FoldedState} as a JSON document ({@code state}) beside the
 * columns lists filter and sort by, which a subclass copies from the state. Within one batch of events the parsed
 * state stays on the entity, so an aggregate touched by many events of a batch is parsed once and written once.
 */
@MappedSuperclass
public abstract class StateDocumentEntry<S extends FoldedState> extends NewUntilStored<String> {

    @Column(name = "version", nullable = false)
    private long version;
    @Column(name = "state", nullable = false)
    private String state;

    @Transient
    private S parsed;
    @Transient
    private boolean documentStale;

    protected StateDocumentEntry() {
    }

    /** Makes this a new row holding {@code initial}; subclasses call it from their factory. */
    protected final void start(S initial) {
        parsed = initial;
        markNew();
        refresh();
    }

    /** Applies one event of the aggregate; false when it had been applied before. */
    public final boolean apply(StoredHistory.Step step) {
        if (!state().apply(step)) {
            return false;
        }
        refresh();
        return true;
    }

    public final S state() {
        if (parsed == null) {
            parsed = StateJson.read(state, stateType());
        }
        return parsed;
    }

    protected abstract Class<S> stateType();

    /** Copies from the state what the row's own columns hold (all but {@code version} and {@code state}). */
    protected abstract void copyColumns(S state);

    private void refresh() {
        copyColumns(parsed);
        version = parsed.version();
        documentStale = true;
    }

    /**
     * The JSON document is written once per flush, not once per event: an aggregate that receives thousands of
     * events in one batch (a bulk intake of violations) would otherwise be serialised thousands of times. The
     * version column changes with every applied event, so the row is always dirty when the document is stale.
     */
    @PrePersist
    @PreUpdate
    void writeDocument() {
        if (documentStale) {
            state = StateJson.write(parsed);
            documentStale = false;
        }
    }

}
