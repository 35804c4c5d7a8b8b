package org.orglife.cycle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.orglife.form.FormData;
import org.orglife.registry.Member;

/** A form list with one item per member: every item must name a member of the branch, each once. */
public final class MemberList {

    public static List<FormData> items(FormData form, String key, String label, StepContext context) {
        return items(form, key, label, context, context.members());
    }

    /** As {@link #items(FormData, String, String, StepContext)}, with every expected member required to be listed. */
    public static List<FormData> items(FormData form, String key, String label, StepContext context, List<Member> expected) {
        List<FormData> items = form.list(key, label, StepContext::memberLabel);
        Set<String> seen = new HashSet<>();
        for (FormData item : items) {
            String id = item.text("memberId");
            if (id == null || context.member(id) == null) {
                item.problem("不是本支部的党员");
            } else if (!seen.add(id)) {
                item.problem("重复出现");
            }
        }
        for (Member m : expected) {
            if (!seen.contains(m.id())) {
                form.problem("「" + label + "」缺少党员 " + m.name() + "（" + m.id() + "）");
            }
        }
        return items.stream().filter(i -> i.text("memberId") != null && context.member(i.text("memberId")) != null).toList();
    }

    private MemberList() {
    }
}
