package io.warden.api.queries;

/** The dashboard's figures now; {@code days} is how many days, today included, the actions-per-day series covers. */
public record FindDashboardQuery(int days) {
}
