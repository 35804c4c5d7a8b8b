package org.orglife.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation of the engine REST API, as the engine's own description lists it
 * ({@code camunda-engine-rest-openapi} of the same version), called by one person of every role but
 * the administrator, so that an operation nobody thought of is tested too. Each names the real things
 * of another branch's cycle (its task, instance, execution), the nightly cleanup's job, the process
 * and decision definitions, another person, the township's group and filter.
 *
 * <p>What each role may use: every read (a {@code GET}, or a query sent as {@code POST}), whose answer
 * the engine narrows to what the person may see (tested in {@link AuthorizationMatrixTest}); and the
 * office also starts processes (the campaign, a cycle), which are not called here since they start
 * real work. Everything else must be refused with a 4xx in Chinese and change nothing. Nothing answers
 * 5xx, and nothing a person sends here is logged as an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class EngineRestOperationsTest {

    static final int YEAR = 2059;
    static final String BRANCH = "DDG-03";
    static final List<String> ROLES = List.of("sec-DDG-02", "liaison1", "chief1", "office", "supervisor");
    /** The office starts the year's campaign and single cycles: may use, not called. */
    static final Set<String> OFFICE_STARTS = Set.of("startProcessInstanceByKey", "submitFormByKey",
            "startProcessInstance", "submitForm", "startProcessInstanceByKeyAndTenantId", "submitFormByKeyAndTenantId");
    static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Bodies for operations that the REST layer answers without asking the engine when sent empty. */
    static final Map<String, String> BODIES = Map.of("modifyProcessInstance",
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"draftWorkPlan\"}]}");

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;

    record Operation(String method, String path, String id) {

        /** A read: the answer depends on what the person may see, and nothing changes. */
        boolean isRead() {
            return method.equals("GET") || id.startsWith("query") || id.startsWith("postQuery")
                    || id.startsWith("postExecuteFilter");
        }
    }

    @BeforeEach
    void anotherBranchHasACycle() {
        ProcessEngines.registerProcessEngine(engine);
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-" + BRANCH)
                .count() == 0) {
            reviewCycles.start(BRANCH, YEAR, Map.of());
        }
    }

    @Test
    void everyOperationOfTheEngineRestApiIsRefusedToEveryRoleThatMayNotUseIt(CapturedOutput output) throws IOException {
        List<Operation> operations = operations();
        assertThat(operations).as("the description's operations").hasSizeGreaterThan(300);
        Map<String, String> ids = ids();
        List<String> problems = new ArrayList<>();
        int called = 0;
        for (String person : ROLES) {
            Predicate<Operation> mayUse = operation -> operation.isRead()
                    || (person.equals("office") && OFFICE_STARTS.contains(operation.id()));
            for (Operation operation : operations) {
                if (!operation.isRead() && mayUse.test(operation)) {
                    continue;
                }
                Map<String, Long> before = operation.isRead() ? null : state();
                ResponseEntity<String> answer = call(person, operation, ids);
                called++;
                int status = answer.getStatusCode().value();
                String what = person + " " + operation.method() + " " + operation.path() + " (" + operation.id() + "): "
                        + status + " " + abbreviate(answer.getBody());
                if (status >= 500) {
                    problems.add(what);
                } else if (status >= 400 && !isChinese(answer.getBody())) {
                    problems.add("no Chinese message: " + what);
                } else if (!mayUse.test(operation) && status < 400) {
                    problems.add("not refused: " + what);
                }
                if (before != null && !before.equals(state())) {
                    problems.add("changed " + diff(before, state()) + ": " + what);
                }
            }
        }
        assertThat(called).isGreaterThan(1000);
        assertThat(problems).isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList())
                .as("errors logged for what people sent").isEmpty();
    }

    /** The operations of the engine's REST description, as method, path and operation id. */
    static List<Operation> operations() throws IOException {
        try (InputStream description = EngineRestOperationsTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(description).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
            JsonNode paths = new ObjectMapper().readTree(description).get("paths");
            List<Operation> operations = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                if (!method.getKey().equalsIgnoreCase("options")) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                            method.getValue().path("operationId").asText()));
                }
            }));
            return operations;
        }
    }

    /** The real things the operations name, all of them another branch's or the township's. */
    private Map<String, String> ids() {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(YEAR + "-" + BRANCH)
                .listPage(0, 1).get(0);
        var definition = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
        var decision = engine.getRepositoryService().createDecisionDefinitionQuery().listPage(0, 1).get(0);
        Map<String, String> ids = new TreeMap<>();
        ids.put("task", task.getId());
        ids.put("process-instance", task.getProcessInstanceId());
        ids.put("execution", task.getProcessInstanceId());
        ids.put("history/process-instance", task.getProcessInstanceId());
        ids.put("history/variable-instance", engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).listPage(0, 1).get(0).getId());
        ids.put("job", engine.getHistoryService().findHistoryCleanupJobs().isEmpty() ? "missing-job"
                : engine.getHistoryService().findHistoryCleanupJobs().get(0).getId());
        ids.put("job-definition", engine.getManagementService().createJobDefinitionQuery().listPage(0, 1).get(0).getId());
        ids.put("process-definition", definition.getId());
        ids.put("process-definition.key", definition.getKey());
        ids.put("deployment", definition.getDeploymentId());
        ids.put("resourceId", engine.getRepositoryService().getDeploymentResources(definition.getDeploymentId()).get(0)
                .getId());
        ids.put("decision-definition", decision.getId());
        ids.put("decision-definition.key", decision.getKey());
        ids.put("filter", engine.getFilterService().createFilterQuery().filterName("全镇各支部待办").singleResult().getId());
        ids.put("authorization", engine.getAuthorizationService().createAuthorizationQuery().listPage(0, 1).get(0).getId());
        ids.put("group", "township-office");
        ids.put("groupId", "township-office");
        ids.put("varName", "branchCode");
        ids.put("metrics-name", "activity-instance-start");
        ids.put("tenant-id", "none");
        return ids;
    }

    private ResponseEntity<String> call(String person, Operation operation, Map<String, String> ids) {
        String resource = operation.path().split("/")[1];
        String historyResource = operation.path().startsWith("/history/") ? "history/" + operation.path().split("/")[2]
                : resource;
        Matcher m = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "id" -> ids.getOrDefault(historyResource, ids.getOrDefault(resource, "missing-" + resource));
                case "key" -> ids.get(resource + ".key");
                // another person: a branch's for the township, the office for a branch's people
                case "userId" -> person;
                default -> ids.getOrDefault(name, "missing-" + name);
            };
            if (resource.equals("user") && name.equals("id")) {
                value = person.equals("office") || person.equals("supervisor") ? "sec-" + BRANCH : "office";
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value == null ? "missing" : value));
        }
        m.appendTail(path);
        if (operation.method().equals("GET")) {
            path.append(path.indexOf("?") < 0 ? "?" : "&").append("maxResults=10");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
        String body = null;
        if (operation.method().equals("POST") || operation.method().equals("PUT")) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = BODIES.getOrDefault(operation.id(), "{}");
        }
        return http.withBasicAuth(person, "demo").exchange("/engine-rest" + path, HttpMethod.valueOf(operation.method()),
                new HttpEntity<>(body, headers), String.class);
    }

    /**
     * Every table's row count, and what a refused operation could change without adding or removing a row:
     * job retries, due dates and priorities, suspensions, assignees, user profiles and grants.
     */
    private Map<String, Long> state() {
        Map<String, Long> state = new TreeMap<>();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'
                  and table_name not in ('ACT_RU_METER_LOG', 'ACT_GE_PROPERTY')""").query(String.class).list();
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table)
                    .append("', count(*) from \"").append(table).append('"');
        }
        sql.append("""
                 union all select 'job retries', coalesce(sum(retries_), 0) from act_ru_job
                 union all select 'job due dates', coalesce(sum(extract(epoch from duedate_)), 0) from act_ru_job
                 union all select 'job priorities', coalesce(sum(priority_), 0) from act_ru_job
                 union all select 'suspended jobs', count(*) from act_ru_job where suspension_state_ = 2
                 union all select 'suspended job definitions', count(*) from act_ru_jobdef where suspension_state_ = 2
                 union all select 'suspended executions', count(*) from act_ru_execution where suspension_state_ = 2
                 union all select 'suspended definitions', count(*) from act_re_procdef where suspension_state_ = 2
                 union all select 'assigned tasks', count(assignee_) from act_ru_task
                 union all select 'task priorities', coalesce(sum(priority_), 0) from act_ru_task
                 union all select 'profiles', coalesce(sum(length(first_) + length(coalesce(email_, ''))), 0) from act_id_user
                 union all select 'grants', coalesce(sum(perms_), 0) from act_ru_authorization""");
        jdbc.sql(sql.toString()).query((rs, n) -> state.put(rs.getString(1), rs.getLong(2))).list();
        return state;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.put(key, before.get(key) + "→" + value);
            }
        });
        return changed.toString();
    }

    private static boolean isChinese(String body) {
        return body != null && body.matches("(?s).*\\p{IsHan}.*");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
