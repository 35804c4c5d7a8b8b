package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's queries read their flags through the remembered read methods, with the values OGNL's
 * own accessor reads, and still find what they found before.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class QueryFlagReadsTest {

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;

    @Test
    void theEnginesQueriesAreReadThroughTheRememberedReads() throws Exception {
        assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
                .isInstanceOf(QueryFlagReads.RememberedReads.class);
        assertThat(OgnlRuntime.getPropertyAccessor(ProcessInstanceQueryImpl.class))
                .isInstanceOf(QueryFlagReads.RememberedReads.class);
    }

    /** Flags named by their method, bean properties, a field without a read method: read as the mapping reads them. */
    @Test
    void eachNameReadsItsValue() {
        TaskQueryImpl tasks = (TaskQueryImpl) engine.getTaskService().createTaskQuery()
                .processInstanceId("an-instance").withoutTenantId().taskCandidateGroup("branch-DDG-01");
        ProcessInstanceQueryImpl instances = (ProcessInstanceQueryImpl) engine.getRuntimeService()
                .createProcessInstanceQuery().rootProcessInstances().tenantIdIn("DDG");
        // twice: the first read finds the method, the second uses the one remembered
        for (int i = 0; i < 2; i++) {
            assertThat(OgnlCache.getValue("isWithoutTenantId", tasks)).isEqualTo(true);
            assertThat(OgnlCache.getValue("isOrQueryActive", tasks)).isEqualTo(false);
            assertThat(OgnlCache.getValue("processInstanceId", tasks)).isEqualTo("an-instance");
            assertThat(OgnlCache.getValue("candidateGroup", tasks)).isEqualTo("branch-DDG-01");
            assertThat(OgnlCache.getValue("queries.size", tasks)).isEqualTo(1);
            assertThat(OgnlCache.getValue("isRootProcessInstances", instances)).isEqualTo(true);
            assertThat(OgnlCache.getValue("isLeafProcessInstances", instances)).isEqualTo(false);
            assertThat(OgnlCache.getValue("isTenantIdSet", instances)).isEqualTo(true);
            assertThat((String[]) OgnlCache.getValue("tenantIds", instances)).containsExactly("DDG");
        }
    }

    @Test
    void queriesWithTheseFlagsFindWhatTheyShould() {
        reviewCycles.start("DDG-01", 2073, Map.of());
        List<Task> ofTheTownship = engine.getTaskService().createTaskQuery().tenantIdIn("DDG")
                .or().taskDefinitionKey("draftWorkPlan").taskAssignee("nobody").endOr().listPage(0, 50);
        assertThat(ofTheTownship).isNotEmpty().allMatch(task -> "DDG".equals(task.getTenantId()));
        assertThat(engine.getTaskService().createTaskQuery().withoutTenantId().taskCandidateGroup("branch-DDG-01")
                .count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().tenantIdIn("DDG")
                .processDefinitionKey("branch-annual-review").count()).isPositive();
    }
}
