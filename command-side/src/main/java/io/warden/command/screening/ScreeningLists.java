package io.warden.command.screening;

/** The lists Warden screens against: for now the one Consolidated Screening List, which merges the US lists. */
public final class ScreeningLists {

    public static final String CONSOLIDATED = "consolidated-screening-list";

    private ScreeningLists() {
    }
}
