package org.orglife.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A branch secretary plans the year in the real Tasklist (Chinese), and the plan goes to the township office. */
@BrowserTest
class DraftWorkPlanInTasklistTest {

    @RegisterExtension final ChromiumSession session = new ChromiumSession("zh-CN");

    @LocalServerPort int port;
    @Autowired ReviewCycles reviewCycles;
    @Autowired TaskService tasks;
    @Autowired CycleRecords records;

    @Test
    void aSecretaryFillsAndCompletesTheWorkPlanFormAndTheTownshipOfficeGetsItToReview() {
        ReviewCycle cycle = reviewCycles.start("DDG-01", 2021, Map.of());
        Chromium browser = session.chromium();
        CamundaWebapps webapps = new CamundaWebapps(browser, port);
        Tasklist tasklist = new Tasklist(browser, webapps);

        assertThat(webapps.signInPage(Tasklist.APP).getText())
                .isEqualTo(WebappLabels.zhCn(Tasklist.APP, "PAGE_LOGIN_SIGN_IN_ACTION")).isEqualTo("登录");
        tasklist.signIn("sec-DDG-01");
        assertThat(tasklist.filterNames()).contains("我的待办", "本支部待办");
        tasklist.openFilter("本支部待办");
        // the card names the branch; the step is the secretary's already: no 认领 to find first
        tasklist.openTaskInList("制定工作方案（大东沟村党支部）");
        assertThat(tasklist.claimOffered()).as("the secretary's own step").isFalse();
        // released, it goes back to the branch's group, and is taken up again
        tasklist.release();
        assertThat(tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).singleResult().getAssignee())
                .isNull();
        CamundaForm form = tasklist.claim();
        assertThat(form.value("field_cycleTitle")).isEqualTo("2021年度 · 大东沟村党支部");
        form.date("field_committeeMeetingOn", LocalDate.of(2022, 2, 18));
        form.date("field_membersMeetingOn", LocalDate.of(2022, 2, 20));
        form.type("field_venue", "大东沟村党员活动室");
        form.type("field_studyTopics", "学习党的十九届六中全会精神");
        form.radio("field_membersMeetingForm", "党员大会");
        form.type("field_absenteeArrangements", "流动党员通过网络视频参会");

        tasklist.complete();

        Task review = tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewWorkPlan");
        assertThat(tasks.getIdentityLinksForTask(review.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly("township-office");
        CycleRecords.WorkPlan plan = records.workPlan(cycle.id()).orElseThrow();
        assertThat(plan.committeeMeetingOn()).isEqualTo(LocalDate.of(2022, 2, 18));
        assertThat(plan.membersMeetingOn()).isEqualTo(LocalDate.of(2022, 2, 20));
        assertThat(plan.venue()).isEqualTo("大东沟村党员活动室");
        assertThat(plan.absenteeArrangements()).isEqualTo("流动党员通过网络视频参会");
    }
}
