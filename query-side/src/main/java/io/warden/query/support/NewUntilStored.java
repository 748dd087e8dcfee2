package io.warden.query.support;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row that Spring Data inserts without first asking the table for it: an entity made by a factory calls
 * {@link #markNew()}, so saving it is a plain insert (no select before a merge); once loaded or stored it is not new.
 */
@MappedSuperclass
public abstract class NewUntilStored<ID> implements Persistable<ID> {

    @Transient
    private boolean isNew;

    /** This entity is a row not in the table yet. */
    protected void markNew() {
        isNew = true;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        isNew = false;
    }
}
