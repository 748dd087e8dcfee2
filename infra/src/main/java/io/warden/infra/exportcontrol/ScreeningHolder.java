package io.warden.infra.exportcontrol;

import io.warden.command.exportcontrol.ActiveScreening;
import io.warden.command.screening.ListEntry;
import io.warden.command.screening.NameNormalizer;
import io.warden.command.screening.RestrictedPartyScreening;
import io.warden.command.screening.ScreeningIndex;
import io.warden.command.screening.ScreeningListStore;
import io.warden.command.screening.ScreeningLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory index of the active list version. Every instance keeps its own and looks at the active-import
 * pointer at most once per {@link #CHECK_EVERY}, so an import through any instance (or the command line) reaches
 * all of them without a message between them. Swapping is one volatile write: a screening in progress finishes on
 * the version it started with.
 */
public class ScreeningHolder implements ActiveScreening {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ScreeningHolder.class);

    private final ScreeningListStore store;
    private final NameNormalizer normalizer;
    private final double threshold;
    private volatile Loaded loaded;
    private volatile long checkedAt = Long.MIN_VALUE;

    public ScreeningHolder(ScreeningListStore store, NameNormalizer normalizer, double threshold) {
        this.store = store;
        this.normalizer = normalizer;
        this.threshold = threshold;
    }

    private record Loaded(String importId, RestrictedPartyScreening screening) {
    }

    @Override
    public Optional<RestrictedPartyScreening> current() {
        long now = System.nanoTime();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt > CHECK_EVERY.toNanos()) {
            refresh();
        }
        Loaded current = loaded;
        return current == null ? Optional.empty() : Optional.of(current.screening());
    }

    /** The import id of the version {@link #current()} screens against, or null. */
    public String currentImportId() {
        current();
        Loaded current = loaded;
        return current == null ? null : current.importId();
    }

    @Override
    public void ensureLoaded(String importId) {
        Loaded current = loaded;
        if (current == null || !current.importId().equals(importId)) {
            refresh();
        }
    }

    /** The active version just changed here: look at the pointer on the next screening instead of within a second. */
    public void invalidate() {
        checkedAt = Long.MIN_VALUE;
    }

    public double threshold() {
        return threshold;
    }

    private synchronized void refresh() {
        checkedAt = System.nanoTime();
        Optional<String> active = store.activeImportId(ScreeningLists.CONSOLIDATED);
        Loaded current = loaded;
        if (active.isEmpty() || (current != null && current.importId().equals(active.get()))) {
            return;
        }
        long started = System.nanoTime();
        List<ListEntry> entries = store.entries(active.get());
        ScreeningIndex index = new ScreeningIndex(entries, normalizer);
        loaded = new Loaded(active.get(), new RestrictedPartyScreening(index, threshold));
        log.info("Screening against list import {}: {} entries, {} names, indexed in {} ms", active.get(),
                index.entryCount(), index.nameCount(), (System.nanoTime() - started) / 1_000_000);
    }
}
