package io.warden.api.types;

/**
 * What a detector saw. {@code interactionCount} is how many model interactions the violation covers;
 * {@code sourceCountry} (ISO 3166-1 alpha-2) is where the traffic came from, when known.
 */
public record Evidence(String detector, String summary, Double confidence, Long interactionCount, String sourceCountry) {
}
