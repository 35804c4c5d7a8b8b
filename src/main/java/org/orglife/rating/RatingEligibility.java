package org.orglife.rating;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.orglife.engine.AsSystem;
import org.orglife.registry.Member;
import org.orglife.registry.MemberStatus;
import org.orglife.registry.Sanction;
import org.springframework.stereotype.Service;

/**
 * Asks {@code processes/member-rating-eligibility.dmn} (R3, R4) about a member, with the sanction that
 * is in effect at the end of the year under review: 留党察看 until its end date; 警告 for one year,
 * 严重警告 for eighteen months and 撤销党内职务 for two years from the sanction date (the periods during
 * which, under the party's disciplinary rules, they weigh on the member).
 *
 * <p>The table is the deployed one (its latest version, so the township's edits apply), evaluated in
 * memory: a step asks about every member of the branch several times, and through the engine's
 * decision service each answer would be a decision instance in the engine history — about 120 per
 * cycle, a quarter of all its statements (docs/benchmarks-history.md). The outcome that matters is kept in our
 * tables with the grades. A deployed table never changes, so each (status, sanction) pair is evaluated
 * once per deployed version and remembered: an evaluation through the FEEL engine costs milliseconds,
 * and asking afresh for every step took a fifth of the application's CPU in the benchmark.
 */
@Service
public class RatingEligibility {

    static final String DECISION = "member-rating-eligibility";

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** parsed tables by deployed decision definition id (a deployment never changes its tables) */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    /** answers by decision definition id, status and sanction: at most ten per deployed version */
    private final Map<String, Eligibility> answers = new ConcurrentHashMap<>();

    RatingEligibility(RepositoryService repository) {
        this.repository = repository;
    }

    /** The deployed table for a review year: look it up once per step, then ask about each member. */
    public Table table(int reviewYear) {
        DecisionDefinition definition = AsSystem.call(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).latestVersion().singleResult());
        if (definition == null) {
            throw new IllegalStateException("decision table " + DECISION + " is not deployed");
        }
        DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> {
            try (InputStream model = AsSystem.call(() -> repository.getDecisionModel(id))) {
                return dmn.parseDecision(DECISION, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Table(definition.getId(), decision, LocalDate.of(reviewYear, 12, 31));
    }

    public Eligibility of(Member member, int reviewYear) {
        return table(reviewYear).of(member);
    }

    /** One deployed version of the table as of the last day of one review year. */
    public final class Table {

        private final String definitionId;
        private final DmnDecision decision;
        private final LocalDate yearEnd;

        private Table(String definitionId, DmnDecision decision, LocalDate yearEnd) {
            this.definitionId = definitionId;
            this.decision = decision;
            this.yearEnd = yearEnd;
        }

        /**
         * The members the democratic appraisal is about, in the given order: every member the table
         * grades, and the probationary members, who are appraised and not graded (SPEC §3). A formal
         * member the table leaves ungraded, one under 留党察看, has no vote cast about them.
         */
        public List<Member> appraised(List<Member> members) {
            return members.stream().filter(m -> of(m).graded() || m.status() == MemberStatus.PROBATIONARY).toList();
        }

        /** The members who vote in the democratic appraisal, in the given order. */
        public List<Member> voters(List<Member> members) {
            return members.stream().filter(m -> of(m).votes()).toList();
        }

        public Eligibility of(Member member) {
            Sanction sanction = sanctionInEffect(member, yearEnd);
            return answers.computeIfAbsent(definitionId + "/" + member.status().name() + "/" + sanction.name(),
                    key -> evaluate(member.status().name(), sanction.name()));
        }

        private Eligibility evaluate(String status, String sanction) {
            DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision,
                    Map.of("status", status, "sanction", sanction)).getSingleResult();
            // empty output cells are absent from the result, not null entries
            Map<String, Object> entries = result.getEntryMap();
            String highest = (String) entries.get("highestGrade");
            Boolean graded = (Boolean) entries.get("graded");
            Boolean votes = (Boolean) entries.get("votes");
            String note = (String) entries.get("note");
            return new Eligibility(Boolean.TRUE.equals(graded), highest == null ? null : Grade.valueOf(highest),
                    Boolean.TRUE.equals(votes), note == null || note.isBlank() ? null : note);
        }
    }

    static Sanction sanctionInEffect(Member member, LocalDate on) {
        LocalDate since = member.sanctionOn();
        return switch (member.sanction()) {
            case NONE -> Sanction.NONE;
            case PROBATION -> member.probationEndsOn() == null || member.probationEndsOn().isAfter(on)
                    ? Sanction.PROBATION : Sanction.NONE;
            case WARNING -> since == null || since.plusYears(1).isAfter(on) ? Sanction.WARNING : Sanction.NONE;
            case SERIOUS_WARNING -> since == null || since.plusMonths(18).isAfter(on) ? Sanction.SERIOUS_WARNING
                    : Sanction.NONE;
            case REMOVAL_FROM_POST -> since == null || since.plusYears(2).isAfter(on) ? Sanction.REMOVAL_FROM_POST
                    : Sanction.NONE;
        };
    }
}
