package io.warden.query.support;

/**
 * The state of one aggregate as a read model folds it from the aggregate's events, one step at a time; the same fold
 * serves the current view and the view as of a past instant.
 */
public interface FoldedState {

    /** Applies one event; false when it had been applied before and nothing changed. */
    boolean apply(StoredHistory.Step step);

    /** The sequence number of the last event applied. */
    long version();
}
