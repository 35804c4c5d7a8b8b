package org.orglife.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.review.ReviewCycleRepository;
import org.orglife.review.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The dashboard over the demo township: sign-in, who sees which branches, the archive page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class DashboardTest {

    static final int YEAR = 2041;

    @Autowired MockMvc mvc;
    @Autowired ReviewCycles reviewCycles;
    @Autowired ReviewCycleRepository cycles;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void cyclesRun() {
        for (String code : new String[] {"DDG-01", "DDG-02", "DDG-10"}) {
            if (cycles.find(YEAR + "-" + code).isEmpty()) {
                reviewCycles.start(code, YEAR, Map.of());
            }
        }
    }

    static RequestPostProcessor as(String id, String... groups) {
        return user(id).authorities(java.util.Arrays.stream(groups)
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    String page(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/dashboard").param("year", String.valueOf(YEAR)).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static java.util.List<String> branches(String html) {
        Matcher m = Pattern.compile("data-branch=\"([^\"]+)\"").matcher(html);
        java.util.List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void peopleSignInWithTheirTasklistAccount() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(formLogin("/login").user("supervisor").password("demo")).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(formLogin("/login").user("supervisor").password("wrong")).andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("用户名", "密码");
    }

    @Test
    void supervisorsSeeEveryBranchWithTheirStepsAndTheStatisticsDownload() throws Exception {
        String html = page(as("supervisor", "township-supervisors"));

        assertThat(branches(html)).hasSize(10);
        assertThat(html).contains("制定工作方案", "下载统计表", "chart-steps", "chart-grades", "/webjars/chart.js/");
        assertThat(html).contains("/camunda/app/cockpit/default/#/process-instance/");
    }

    @Test
    void aLiaisonCadreSeesOnlyTheirBranchesAndASecretaryOnlyTheirOwn() throws Exception {
        assertThat(branches(page(as("liaison1", "liaison-cadres"))))
                .containsExactlyInAnyOrder("DDG-01", "DDG-02", "DDG-07", "DDG-08", "DDG-09");
        String secretary = page(as("sec-DDG-01", "branch-secretaries", "branch-DDG-01"));
        assertThat(branches(secretary)).containsExactly("DDG-01");
        assertThat(secretary).doesNotContain("下载统计表");
    }

    @Test
    void theArchiveShowsWhatWasRecordedAsTextNeverAsMarkup() throws Exception {
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-DDG-10")
                .taskDefinitionKey("draftWorkPlan").singleResult();
        if (task != null) {
            engine.getFormService().submitTaskForm(task.getId(), Map.of("committeeMeetingOn", "2041-12-01",
                    "membersMeetingOn", "2041-12-02", "venue", "<script>alert('x')</script>会议室",
                    "studyTopics", "学习", "membersMeetingForm", "WHOLE"));
        }

        String html = mvc.perform(get("/dashboard/branches/DDG-10/reviews/" + YEAR)
                .with(as("office", "township-office"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("工作方案", "地点", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;会议室")
                .doesNotContain("<script>alert");
        assertThat(html).as("the audit trail is on the archive").contains("操作记录", "制定工作方案", "填报");
        mvc.perform(get("/dashboard/branches/DDG-10/reviews/" + YEAR).with(as("sec-DDG-01", "branch-DDG-01")))
                .andExpect(status().isNotFound());
    }
}
