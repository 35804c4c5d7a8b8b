package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orglife.registry.MemberStatus;
import org.orglife.registry.Sanction;

/**
 * The shipped eligibility table ({@code processes/member-rating-eligibility.dmn}, SPEC R3 and R4) on
 * its own, in a standalone DMN engine: every row, and exactly one row for each status × sanction the
 * registry knows, so the UNIQUE hit policy never refuses a real member.
 */
class MemberRatingEligibilityTableTest {

    static final Path TABLE = Path.of("processes", "member-rating-eligibility.dmn");

    static DmnEngine dmn;
    static DmnDecision decision;
    static DmnModelInstance model;
    /** The rows that matched in the latest evaluation, as the engine reports them. */
    static final List<String> matchedRows = new ArrayList<>();

    @BeforeAll
    static void parseTheShippedTable() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> {
            matchedRows.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRows::add);
        }));
        dmn = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(TABLE)) {
            decision = dmn.parseDecision(RatingEligibility.DECISION, in);
        }
        model = Dmn.readModelFromFile(TABLE.toFile());
    }

    static DmnDecisionTableResult evaluate(String status, String sanction) {
        return dmn.evaluateDecisionTable(decision, Map.of("status", status, "sanction", sanction));
    }

    static DecisionTable table() {
        return model.getModelElementsByType(DecisionTable.class).iterator().next();
    }

    @Test
    void theTableIsAUniqueDecisionTableWithTheKeyTheCodeAsksFor() {
        assertThat(decision.getKey()).isEqualTo("member-rating-eligibility");
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(table().getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "FORMAL, NONE, rule_noSanction, true, EXCELLENT, true, -",
            "FORMAL, WARNING, rule_warning, true, QUALIFIED, true, 受警告或严重警告处分，不能评为优秀",
            "FORMAL, SERIOUS_WARNING, rule_warning, true, QUALIFIED, true, 受警告或严重警告处分，不能评为优秀",
            "FORMAL, REMOVAL_FROM_POST, rule_removalFromPost, true, QUALIFIED, true, 受撤销党内职务处分，不能评为优秀",
            "FORMAL, PROBATION, rule_probation, false, -, false, 留党察看期间，没有表决权，不评定等次",
            "PROBATIONARY, NONE, rule_probationaryMember, false, -, false, 预备党员，不定等次",
            "PROBATIONARY, WARNING, rule_probationaryMember, false, -, false, 预备党员，不定等次",
            "PROBATIONARY, SERIOUS_WARNING, rule_probationaryMember, false, -, false, 预备党员，不定等次",
            "PROBATIONARY, REMOVAL_FROM_POST, rule_probationaryMember, false, -, false, 预备党员，不定等次",
            "PROBATIONARY, PROBATION, rule_probationaryMember, false, -, false, 预备党员，不定等次"})
    void eachStatusAndSanctionGetsItsRow(String status, String sanction, String rowId, boolean graded, String highest,
            boolean votes, String note) {
        DmnDecisionRuleResult row = evaluate(status, sanction).getSingleResult();

        assertThat(matchedRows).containsExactly(rowId);
        assertThat(row.<Boolean>getEntry("graded")).isEqualTo(graded);
        // an empty output cell is absent from the result: RatingEligibility reads it as "no ceiling"
        assertThat(row.getEntryMap().get("highestGrade")).isEqualTo(highest);
        assertThat(row.<Boolean>getEntry("votes")).isEqualTo(votes);
        if (note == null) {
            assertThat(row.<String>getEntry("note")).isNullOrEmpty();
        } else {
            assertThat(row.<String>getEntry("note")).isEqualTo(note);
        }
    }

    @Test
    void everyStatusAndSanctionOfTheRegistryMatchesExactlyOneRowAndEveryRowIsUsed() {
        Set<String> reached = new HashSet<>();
        for (MemberStatus status : MemberStatus.values()) {
            for (Sanction sanction : Sanction.values()) {
                // UNIQUE throws on two matches; no match would leave the member without an answer
                assertThat(evaluate(status.name(), sanction.name()).getResultList())
                        .as(status + " / " + sanction).hasSize(1);
                reached.addAll(matchedRows);
            }
        }
        List<String> rows = table().getRules().stream().map(Rule::getId).toList();
        assertThat(reached).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void aStatusTheTableDoesNotKnowMatchesNoRow() {
        assertThat(evaluate("EXPELLED", "NONE").getResultList()).isEmpty();
    }
}
