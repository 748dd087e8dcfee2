package io.warden.command.screening;

/**
 * A list entry that a screened name resembles.
 *
 * @param name        the entry's primary name
 * @param matchedName the name of the entry (primary or alternative) that the screened name resembles most
 * @param score       0..1; at or above the threshold it is treated as the same party
 * @param explanation how the score came about, for the analyst who has to decide
 */
public record ScreeningMatch(String entryId, String list, String name, String matchedName, double score,
                             String explanation) {
}
