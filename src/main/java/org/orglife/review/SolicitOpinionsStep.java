package org.orglife.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Hearing;
import org.orglife.cycle.CycleRecords.Opinion;
import org.orglife.cycle.MemberList;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.Member;
import org.springframework.stereotype.Component;

/**
 * 征求意见、开展谈心谈话 (notice 二.2): opinions received, heart-to-heart talks held, and every newly
 * admitted, transferred-in, floating, hardship and elderly member heard, or the reason recorded.
 */
@Component
class SolicitOpinionsStep implements ReviewStep {

    private final CycleRecords records;

    SolicitOpinionsStep(CycleRecords records) {
        this.records = records;
    }

    @Override
    public String taskId() {
        return "solicitOpinions";
    }

    static List<Member> toBeHeard(StepContext context) {
        return context.members().stream().filter(m -> !flags(m).isEmpty()).toList();
    }

    static String flags(Member m) {
        List<String> flags = new ArrayList<>();
        if (m.newlyAdmitted()) {
            flags.add("新发展党员");
        }
        if (m.transferredIn()) {
            flags.add("新转入党员");
        }
        if (m.floatingOut()) {
            flags.add("流动党员");
        }
        if (m.hardship()) {
            flags.add("生活困难党员");
        }
        if (m.elderly()) {
            flags.add("年老体弱党员");
        }
        return String.join("、", flags);
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return new FormValues()
                .list("opinions", List.of())
                .put("talksCommitteeCommittee", null)
                .put("talksCommitteeMember", null)
                .put("talksMemberMember", null)
                .list("hearings", toBeHeard(context).stream()
                        .map(m -> FormValues.item("memberId", m.id(), "name", m.name(), "flags", flags(m),
                                "heard", false, "notHeardReason", null))
                        .toList())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        List<Opinion> opinions = new ArrayList<>();
        for (FormData item : form.list("opinions", "收到的意见", i -> null)) {
            String source = item.text("source", "意见来源", 200, false);
            String content = item.text("content", "意见内容", 4000, source != null);
            if (content != null) {
                opinions.add(new Opinion(source, content));
            }
        }
        int[] talks = {
                form.count("talksCommitteeCommittee", "支委之间谈心谈话次数", true),
                form.count("talksCommitteeMember", "支委和党员之间谈心谈话次数", true),
                form.count("talksMemberMember", "党员之间谈心谈话次数", true)};
        List<Hearing> hearings = new ArrayList<>();
        for (FormData item : MemberList.items(form, "hearings", "听取意见情况", context, toBeHeard(context))) {
            boolean heard = item.bool("heard");
            String reason = item.text("notHeardReason", "未听取原因", 500, false);
            if (!heard && reason == null) {
                item.problem("须听取其意见，或填写未听取的原因");
            }
            hearings.add(new Hearing(item.text("memberId"), heard, heard ? null : reason));
        }
        form.rejectIfProblems();
        records.saveOpinions(context.cycleId(), opinions, talks, hearings);
    }
}
