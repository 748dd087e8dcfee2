package io.warden.command.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases are snapshotted as JSON; a campaign case carries tens of thousands of linked accounts through it. */
class CaseSnapshotTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_campaign_case_survives_a_json_round_trip_with_every_linked_account() {
        List<String> campaign = IntStream.range(0, 24_000).mapToObj(i -> "acc-" + i).toList();
        Case aCase = new Case();
        aCase.on(new CaseOpenedEvent("case-1", "Distillation ring", CaseCategory.MIXED, Severity.CRITICAL, "summary",
                CaseTier.T1_TRIAGE, "alice"));
        aCase.on(new AccountsLinkedToCaseEvent("case-1", campaign, campaign.size()));
        aCase.on(new CaseAssignedEvent("case-1", "bob", null));
        aCase.on(new CaseEscalatedEvent("case-1", CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "legal"));

        String snapshot = json.writeValueAsString(aCase);
        Case restored = json.readValue(snapshot, Case.class);

        // compared as sets on their own: a recursive comparison of 24,000 unordered elements is quadratic
        assertThat(restored).usingRecursiveComparison().ignoringFields("linkedAccountIds").isEqualTo(aCase);
        assertThat(restored).extracting("linkedAccountIds").isEqualTo(Set.copyOf(campaign));
        assertThat(snapshot).contains("\"caseId\":\"case-1\"", "\"tier\":\"T3_LEGAL\"", "\"assignee\":\"bob\"",
                "\"status\":\"OPEN\"", "\"acc-23999\"");
    }
}
