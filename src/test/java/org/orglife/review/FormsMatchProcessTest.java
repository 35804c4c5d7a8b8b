package org.orglife.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Problem;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.TestClock;
import org.orglife.form.Choices;
import org.orglife.form.Choices.FoundBy;
import org.orglife.rating.Disposition;
import org.orglife.rating.Grade;
import org.orglife.rectification.RectificationFollowUps;
import org.orglife.rectification.RectificationRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The models and the forms cannot drift apart. Read from {@code processes/} and {@code forms/} as
 * committed: every user task names its own form by {@code camunda:formRef} with binding
 * {@code deployment}; every form is used; every service task and listener is a
 * {@code #{bean}} delegate expression of an existing bean; every process and decision has a
 * history time to live.
 *
 * <p>Fields are compared with what the server really gives each task, not with a list kept here:
 * every user task of every process is opened in a real cycle (the branch cycle moved to all its
 * tasks at once by process instance modification, the disposition reached by rating a member
 * 不合格, the follow-up (整改销号) by filing the list), and the values its form is opened with (what
 * its {@link ReviewStep} computes) are compared with the keys the deployed form binds: every value must be bound by a top-level field key or a
 * dynamic-list path (a value no field binds would never be shown), and the keys of pre-filled list
 * items must equal the list's child fields. A field with nothing to pre-fill has no value (the
 * submission lands on the task all the same, TaskForms), so a form may bind more than
 * its task is given; what it binds and the task is not given is checked by the tests that submit it.
 * A task added to a model, a pre-filled field renamed in a form or a variable added to a step fails
 * this test until the other side follows. Lists the server pre-fills empty (the user adds the items)
 * are named below; their items are checked by the tests that submit them.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class FormsMatchProcessTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Lists whose items the user adds; the server pre-fills them empty. */
    static final Set<String> ADD_ONLY_LISTS = Set.of("solicitOpinions.opinions", "recordPublicityFeedback.publicityFeedback");

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired CycleRecords records;
    @Autowired org.orglife.escalation.OverdueSweep overdueSweep;
    @Autowired org.orglife.campaign.CountyCampaigns countyCampaigns;
    @Autowired ApplicationContext beans;
    @Autowired List<ReviewStep> steps;
    @Autowired org.orglife.campaign.Campaigns campaigns;
    @Autowired RectificationRecords rectification;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static List<BpmnModelInstance> models() throws IOException {
        return files(PROCESSES, ".bpmn").stream().map(p -> Bpmn.readModelFromFile(p.toFile())).toList();
    }

    static List<UserTask> userTasks() throws IOException {
        List<UserTask> tasks = new ArrayList<>();
        models().forEach(m -> tasks.addAll(m.getModelElementsByType(UserTask.class)));
        return tasks;
    }

    static JsonNode form(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a form", e);
        }
    }

    /** What a form binds: top-level keys and list paths, and for each list the keys of its item fields. */
    record Bindings(Set<String> keys, Map<String, Set<String>> lists, Map<String, List<String>> choices) {

        static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
        static final Pattern EXPRESSION = Pattern.compile("=\\s*(\\w+)\\s*");

        static Bindings of(JsonNode form) {
            Bindings bindings = new Bindings(new TreeSet<>(), new TreeMap<>(), new TreeMap<>());
            bindings.collect(form.get("components"), bindings.keys, null);
            return bindings;
        }

        private void collect(JsonNode components, Set<String> into, String list) {
            for (JsonNode c : components) {
                String type = c.path("type").asText();
                // a text shows a variable by {{name}}; a field is read-only by a variable of its list item
                Matcher shown = TEMPLATE.matcher(c.path("text").asText());
                while (shown.find()) {
                    into.add(shown.group(1));
                }
                Matcher readOnlyBy = EXPRESSION.matcher(c.path("readonly").asText());
                if (readOnlyBy.matches()) {
                    into.add(readOnlyBy.group(1));
                }
                if (type.equals("dynamiclist")) {
                    String path = c.get("path").asText();
                    into.add(path);
                    lists.put(path, new TreeSet<>());
                    collect(c.get("components"), lists.get(path), path);
                } else if (c.has("components")) {
                    collect(c.get("components"), into, list);
                } else if (c.has("key")) {
                    into.add(c.get("key").asText());
                    if (c.has("values")) {
                        List<String> values = new ArrayList<>();
                        c.get("values").forEach(v -> values.add(v.get("value").asText()));
                        choices.put(c.get("key").asText(), values);
                    }
                }
            }
        }
    }

    @Test
    void everyUserTaskNamesItsOwnFormByDeployment() throws IOException {
        Set<String> used = new HashSet<>();
        for (UserTask task : userTasks()) {
            assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isEqualTo(task.getId());
            assertThat(task.getCamundaFormRefBinding()).as(task.getId() + " formRefBinding").isEqualTo("deployment");
            Path file = FORMS.resolve(task.getCamundaFormRef() + ".form");
            assertThat(file).as("form of " + task.getId()).exists();
            assertThat(form(file).path("id").asText()).as("id of " + file).isEqualTo(task.getCamundaFormRef());
            assertThat(task.getCamundaFormKey()).as(task.getId() + " has no second form").isNull();
            used.add(file.getFileName().toString());
        }
        assertThat(files(FORMS, ".form")).extracting(p -> p.getFileName().toString()).as("no form without its task")
                .containsExactlyInAnyOrderElementsOf(used);
    }

    /**
     * The tasks of the cycle, of its dispositions and of its rectification's follow-up are served by
     * {@link ReviewStep}s; the campaign's and escalation's by their listeners.
     */
    static final Set<String> CYCLE_PROCESSES = Set.of(ReviewVariables.PROCESS_KEY,
            ReviewVariables.DISPOSITION_PROCESS_KEY, RectificationFollowUps.PROCESS_KEY);

    static List<String> cycleTaskIds() throws IOException {
        return userTasks().stream().filter(t -> CYCLE_PROCESSES.contains(processOf(t))).map(UserTask::getId).toList();
    }

    @Test
    void everyUserTaskHasItsStepAndEveryStepItsTask() throws IOException {
        assertThat(steps).extracting(ReviewStep::taskId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(cycleTaskIds());
    }

    @Test
    void everyFormBindsTheVariablesItsTaskIsGiven() throws IOException {
        // given DDG-06 in 2022 (guests floating in, a member floating out, flagged members: no list is
        // empty), its committee having listed a problem, the cycle moved to every task at once
        TestClock.at(2023, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-06", 2022);
        records.saveProblems(cycle.businessKey, List.of(new Problem(1, "政治功能", "理论学习不够系统", FoundBy.SELF)), null);
        Map<String, Opened> opened = new LinkedHashMap<>();
        opened.put("draftWorkPlan", open(cycle.task("draftWorkPlan")));
        List<String> cycleTasks = userTasks().stream().filter(t -> processOf(t).equals(ReviewVariables.PROCESS_KEY))
                .map(UserTask::getId).filter(id -> !id.equals("draftWorkPlan")).toList();
        cycle.jumpTo(cycleTasks.toArray(String[]::new));
        cycleTasks.forEach(id -> opened.put(id, open(cycle.task(id))));

        // and a member rated 不合格, which opens the disposition's tasks
        List<Map<String, Object>> ratings = cycle.list("rateMembers", "ratings");
        ratings.forEach(r -> {
            r.put("grade", "QUALIFIED");
            r.put("basis", "表现良好");
            r.put("feedbackGiven", true);
        });
        ratings.get(ratings.size() - 1).put("grade", "UNQUALIFIED");
        cycle.complete("rateMembers", Map.of("ratings", ratings));
        cycle.runJobs();
        CycleDriver disposition = CycleDriver.of(engine, cycle.businessKey + "-" + ratings.get(ratings.size() - 1)
                .get("memberId"));
        opened.put("decideDisposition", open(disposition.task("decideDisposition")));
        disposition.complete("decideDisposition", Map.of("educationPlan", "谈心谈话，结对帮带", "disposition", "EXPEL",
                "decidedOn", "2023-02-25"));
        opened.put("approveDisposition", open(disposition.task("approveDisposition")));

        // and the list of one item filed, which starts its follow-up: the item marked done, then to be confirmed
        rectification.savePlan(cycle.businessKey, List.of(new RectificationRecords.Item(1, 1, "理论学习不够系统",
                "每月集中学习一次", java.time.LocalDate.of(2023, 6, 30), "支部书记", false)), List.of());
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        cycle.runJobs();
        CycleDriver followUp = CycleDriver.of(engine, cycle.businessKey + "-rectification");
        opened.put("markItemDone", open(followUp.task("markItemDone")));
        followUp.complete("markItemDone", Map.of("doneNote", "每月集中学习已坚持半年"));
        opened.put("confirmItem", open(followUp.task("confirmItem")));

        // then every user task of the cycle's models was opened
        assertThat(opened.keySet()).containsExactlyInAnyOrderElementsOf(cycleTaskIds());

        // and each task's deployed form binds what its step created (all differences reported at once)
        assertBindings(opened, ADD_ONLY_LISTS);
    }

    @Test
    void theCampaignAndEscalationFormsBindTheVariablesTheirTasksAreGiven() throws IOException {
        // given a campaign that spot-checks every branch, with short deadlines
        TestClock.at(2061, 2, 1);
        campaigns.launch(new org.orglife.campaign.Campaigns.LaunchRequest(2060, java.time.LocalDate.of(2061, 2, 6),
                java.time.LocalDate.of(2061, 2, 20), java.time.LocalDate.of(2061, 3, 4), 3,
                java.math.BigDecimal.ONE), "DDG", "office");
        String campaign = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(org.orglife.campaign.Campaign.businessKey("DDG", 2060)).singleResult().getId();
        runJobsOf(campaign);
        CycleDriver cycle = CycleDriver.of(engine, "2060-DDG-01");
        Task draft = cycle.task("draftWorkPlan");
        cycle.complete("draftWorkPlan", Map.of("committeeMeetingOn", "2061-02-16", "membersMeetingOn", "2061-02-17",
                "venue", "村委会", "studyTopics", "学习", "membersMeetingForm", "WHOLE"));
        cycle.complete("reviewWorkPlan", Map.of("planDecision", "APPROVE"));
        Map<String, Opened> opened = new LinkedHashMap<>();
        opened.put("conductSpotCheck", open(engine.getTaskService().createTaskQuery().processInstanceId(campaign)
                .taskDefinitionKey("conductSpotCheck").singleResult()));

        // when DDG-02's plan is two working days overdue and the statistics deadline has passed
        TestClock.at(2061, 3, 10);
        Task overdue = CycleDriver.of(engine, "2060-DDG-02").task("draftWorkPlan");
        overdueSweep.sweep();
        String escalation = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(overdue.getId()).singleResult().getId();
        runJobsOf(escalation);
        runJobsOf(campaign);
        opened.put("superviseOverdueStep", open(engine.getTaskService().createTaskQuery()
                .processDefinitionKey(org.orglife.escalation.BranchSupervisions.PROCESS_KEY)
                .processInstanceBusinessKey("DDG-02").taskDefinitionKey("superviseOverdueStep").singleResult()));
        opened.put("approveTownshipSummary", open(engine.getTaskService().createTaskQuery().processInstanceId(campaign)
                .taskDefinitionKey("approveTownshipSummary").singleResult()));

        // and when the county launches a later year and the township has not launched within it, two working days late
        TestClock.at(2063, 1, 5);
        countyCampaigns.launch(new org.orglife.campaign.CountyCampaigns.LaunchRequest(2062, java.time.LocalDate.of(2063, 2, 6),
                java.time.LocalDate.of(2063, 2, 20), java.time.LocalDate.of(2063, 3, 4), 3, java.math.BigDecimal.ZERO, 2),
                "county");
        String waiting = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(org.orglife.campaign.Campaign.businessKey("DDG", 2062)).singleResult().getId();
        TestClock.at(2063, 1, 20);
        runJobsOf(waiting);
        opened.put("superviseTownshipLaunch", open(engine.getTaskService().createTaskQuery().processInstanceId(waiting)
                .taskDefinitionKey("superviseTownshipLaunch").singleResult()));

        // then every other user task was opened, and its form binds what its listener created
        List<String> cycleTasks = cycleTaskIds();
        assertThat(opened.keySet()).containsExactlyInAnyOrderElementsOf(userTasks().stream().map(UserTask::getId)
                .filter(id -> !cycleTasks.contains(id)).toList());
        assertThat(draft).isNotNull();
        assertBindings(opened, Set.of());
    }

    /** Runs the due jobs of one process instance until none is left, as the job executor would. */
    private void runJobsOf(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            var jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private void assertBindings(Map<String, Opened> opened, Set<String> addOnlyLists) {
        SoftAssertions softly = new SoftAssertions();
        Set<String> uncheckedLists = new TreeSet<>();
        opened.forEach((taskId, task) -> {
            softly.assertThat(task.form().path("id").asText()).as("deployed form of " + taskId).isEqualTo(taskId);
            softly.assertThat(task.form()).as("the deployed form of " + taskId + " is the committed one")
                    .isEqualTo(form(FORMS.resolve(taskId + ".form")));
            Bindings form = Bindings.of(task.form());
            softly.assertThat(form.keys()).as("the keys the form of " + taskId + " binds")
                    .containsAll(task.variables().keySet());
            form.lists().forEach((path, childKeys) -> {
                List<Map<String, Object>> items = items(task.variables().get(path));
                if (items.isEmpty()) {
                    uncheckedLists.add(taskId + "." + path);
                }
                items.stream().map(item -> new TreeSet<>(item.keySet())).distinct().forEach(itemKeys -> softly
                        .assertThat(itemKeys).as("items of " + taskId + "." + path + " vs the list's fields")
                        .isEqualTo(childKeys));
            });
        });
        softly.assertThat(uncheckedLists).as("lists pre-filled empty").isEqualTo(new TreeSet<>(addOnlyLists));
        softly.assertAll();
    }

    /**
     * An open task: the values its form is opened with (the form's variables, less the instance's own),
     * and the form the engine serves for it.
     */
    record Opened(Map<String, Object> variables, JsonNode form) {
    }

    private Opened open(Task task) {
        try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
            Map<String, Object> values = new LinkedHashMap<>(engine.getFormService().getTaskFormVariables(task.getId()));
            values.keySet().removeAll(engine.getRuntimeService().getVariables(task.getExecutionId()).keySet());
            return new Opened(values, JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance scope = task.getParentElement();
        while (!(scope instanceof Process)) {
            scope = scope.getParentElement();
        }
        return ((Process) scope).getId();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object value) {
        try {
            return value == null ? List.of() : JSON.readValue(value.toString(), List.class);
        } catch (IOException e) {
            throw new IllegalStateException("not a list: " + value, e);
        }
    }

    @Test
    void everyChoiceOffersExactlyTheValuesTheServerAccepts() throws Exception {
        // the server reads each choice into one of these enums; a value it does not know is refused
        Map<String, Class<?>> enums = new HashMap<>();
        for (String key : List.of("planDecision", "exceptionDecision", "dispositionDecision")) {
            enums.put(key, Choices.Decision.class);
        }
        enums.put("filingDecision", Class.forName("org.orglife.rectification.ReviewFilingStep$FilingDecision"));
        enums.put("membersMeetingForm", Choices.MeetingForm.class);
        enums.put("foundBy", Choices.FoundBy.class);
        enums.put("committeeMode", Choices.MeetingMode.class);
        enums.put("attendance", Choices.Attendance.class);
        enums.put("channel", Choices.Channel.class);
        enums.put("remoteReason", Choices.RemoteReason.class);
        enums.put("grade", Grade.class);
        enums.put("suggestedGrade", Grade.class);
        enums.put("disposition", Disposition.class);
        enums.put("spotCheckMode", Class.forName("org.orglife.campaign.SpotCheckListener$Mode"));
        enums.put("confirmDecision", Class.forName("org.orglife.rectification.ConfirmItemStep$Decision"));

        for (Path file : files(FORMS, ".form")) {
            Bindings.of(form(file)).choices().forEach((key, values) -> {
                assertThat(enums).as("choice " + key + " of " + file + " is read by the server").containsKey(key);
                assertThat(values).as(key + " in " + file).containsExactlyElementsOf(
                        Arrays.stream(enums.get(key).getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
            });
        }
    }

    @Test
    void everyServiceTaskAndListenerIsADelegateExpressionNamingABean() throws IOException {
        for (BpmnModelInstance model : models()) {
            assertThat(model.getModelElementsByType(ScriptTask.class)).as("no scripts in the models").isEmpty();
            assertThat(model.getModelElementsByType(SendTask.class)).isEmpty();
            assertThat(model.getModelElementsByType(BusinessRuleTask.class)).isEmpty();
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getCamundaClass()).as(task.getId()).isNull();
                assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
                assertThat(task.getCamundaType()).as(task.getId()).isNull();
                assertThat(bean(task.getId(), task.getCamundaDelegateExpression())).isInstanceOf(JavaDelegate.class);
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                assertThat(listener.getCamundaClass()).isNull();
                assertThat(bean("task listener", listener.getCamundaDelegateExpression())).isInstanceOf(TaskListener.class);
            }
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                assertThat(listener.getCamundaClass()).isNull();
                assertThat(listener.getCamundaDelegateExpression()).as("execution listener").isNotNull();
                bean("execution listener", listener.getCamundaDelegateExpression());
            }
        }
    }

    private Object bean(String element, String expression) {
        assertThat(expression).as(element + " delegateExpression").matches("#\\{[a-zA-Z][a-zA-Z0-9]*\\}");
        String name = expression.substring(2, expression.length() - 1);
        assertThat(beans.containsBean(name)).as(element + ": bean " + name).isTrue();
        return beans.getBean(name);
    }

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLive() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
            }
        }
        for (Path file : files(PROCESSES, ".dmn")) {
            for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
            }
        }
    }
}
