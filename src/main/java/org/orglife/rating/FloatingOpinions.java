package org.orglife.rating;

import java.util.List;
import java.util.stream.Collectors;

import org.orglife.registry.BranchRepository;
import org.orglife.registry.Member;

/** How the opinions of inflow branches on this branch's floating members read at {@code rateMembers}. */
final class FloatingOpinions {

    static String receivedSummary(int year, List<Member> ownMembers, RatingRecords ratings, BranchRepository branches) {
        String text = ownMembers.stream()
                .filter(m -> m.floatingOut() && branches.findByCode(m.inflowOrg()).isPresent())
                .map(m -> ratings.floatingOpinion(year, m.id())
                        .filter(o -> o.fromBranch() != null)
                        .map(o -> m.name() + "（流入" + o.fromOrg() + "）：" + o.opinion()
                                + (o.suggestedGrade() == null ? "" : "；建议等次：" + o.suggestedGrade().label()))
                        .orElse(m.name() + "（流入" + branches.findByCode(m.inflowOrg()).get().name() + "）：尚未收到意见"))
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "本支部没有流入本镇其他支部的党员" : text;
    }

    private FloatingOpinions() {
    }
}
