package io.warden.command.screening;

import java.util.List;

/**
 * One restricted party of a list in the Consolidated Screening List layout.
 *
 * @param entryId   the list's code and its own {@code _id} ({@code EL:12345}), stable across list versions, so a
 *                  re-import names the same party
 * @param source    which list it comes from (SDN, Entity List, …)
 * @param countries ISO codes of the countries in its addresses, when the list gives them
 */
public record ListEntry(String entryId, String source, String type, String name, List<String> altNames,
                        String programs, String addresses, List<String> countries) {

    public ListEntry {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
