package org.orglife.rating;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.orglife.identity.AsSystem;
import org.orglife.registry.Member;
import org.orglife.registry.Sanction;
import org.springframework.stereotype.Service;

/**
 * Asks {@code processes/member-rating-eligibility.dmn} (R3, R4) about a member, with the sanction that
 * is in effect at the end of the year under review: 留党察看 until its end date; 警告 for one year,
 * 严重警告 for eighteen months and 撤销党内职务 for two years from the sanction date (the periods during
 * which, under the party's disciplinary rules, they weigh on the member).
 */
@Service
public class RatingEligibility {

    static final String DECISION = "member-rating-eligibility";

    private final DecisionService decisions;

    RatingEligibility(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Eligibility of(Member member, int reviewYear) {
        Sanction sanction = sanctionInEffect(member, LocalDate.of(reviewYear, 12, 31));
        Map<String, Object> inputs = Map.of("status", member.status().name(), "sanction", sanction.name());
        DmnDecisionRuleResult result = AsSystem.<DmnDecisionRuleResult>call(
                () -> decisions.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult());
        // empty output cells are absent from the result, not null entries
        Map<String, Object> entries = result.getEntryMap();
        String highest = (String) entries.get("highestGrade");
        Boolean graded = (Boolean) entries.get("graded");
        Boolean votes = (Boolean) entries.get("votes");
        String note = (String) entries.get("note");
        return new Eligibility(Boolean.TRUE.equals(graded), highest == null ? null : Grade.valueOf(highest),
                Boolean.TRUE.equals(votes), note == null || note.isBlank() ? null : note);
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
