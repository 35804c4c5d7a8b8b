package org.orglife.engine;

import java.util.Set;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): what the level
 * {@code full} keeps — process and task instances, timers and subprocesses, process variables, incidents,
 * decisions, which node ran or failed each job, operators' actions — without what is kept
 * elsewhere or says nothing:
 * <ul>
 * <li>the forms' data: no history of task-local variables (each step's form is filled into its task
 * and submitted there), no row per variable change or submitted form field ({@code ACT_HI_DETAIL});
 * what a branch filed is in our cycle tables;</li>
 * <li>who completed a step of a cycle ({@code ACT_HI_OP_LOG} "Complete", for the processes named in
 * {@code orglife.history.audited-processes}): the append-only audit trail records who filed each step
 * and grade, when; operators' actions in Cockpit (retries, deletions,
 * variable changes, claims) are still logged;</li>
 * <li>passes through gateways, start and end events ({@code ACT_HI_ACTINST}): which way a cycle went
 * shows in the steps it then took, the decisions are process variables, and the instance keeps where
 * it started and ended;</li>
 * <li>the runs of service tasks ({@code ACT_HI_ACTINST}): what each wrote is in our tables (the cycle's
 * record, the floating members' opinions, dispositions, the filing), and the job log has which node
 * ran each asynchronous one and when, or how it failed;</li>
 * <li>the job log's entries for jobs created or deleted ({@code ACT_HI_JOB_LOG}): its entries for jobs
 * run or failed, with the node that ran them, are kept (they show a cluster's recovery);</li>
 * <li>the log of candidate groups and users added to tasks ({@code ACT_HI_IDENTITYLINK}): every
 * step's candidates follow from the process model and the registry.</li>
 * </ul>
 *
 * <p>Copies of the forms were most of a cycle's engine history and a fifth of its statements; the
 * passes, the job log of creations and the completion log another third of what was left
 * (docs/benchmarks-history.md).
 */
@Component
public class EngineHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "orglife";
    /** Stored in the database ({@code ACT_GE_PROPERTY historyLevel}); the built-in levels are 0 to 3. */
    static final int ID = 13;

    /** activity types that leave no activity instance in the history: passes, and service tasks */
    static final Set<String> UNRECORDED = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "startEvent", "messageStartEvent", "noneEndEvent", "terminateEndEvent",
            "serviceTask");

    /** The processes whose user tasks are steps, each filed through the audit trail: no completion log for them. */
    private final Set<String> auditedProcesses;

    public EngineHistoryLevel() {
        this(Set.of());
    }

    @Autowired
    public EngineHistoryLevel(@Value("${orglife.history.audited-processes:}") Set<String> auditedProcesses) {
        this.auditedProcesses = Set.copyOf(auditedProcesses);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryLevels(EngineLists.plus(configuration.getCustomHistoryLevels(), this));
        // the engine's own database handler, with the completion log of the cycles' steps left out
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(EngineLists.plus(configuration.getCustomHistoryEventHandlers(),
                new WithoutStepCompletionLog(auditedProcesses)));
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                || eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE
                || eventType == HistoryEventTypes.IDENTITY_LINK_ADD
                || eventType == HistoryEventTypes.IDENTITY_LINK_DELETE
                || eventType == HistoryEventTypes.JOB_CREATE
                || eventType == HistoryEventTypes.JOB_DELETE) {
            return false;
        }
        if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null) {
            return false;
        }
        if (isActivityInstanceEvent(eventType) && entity instanceof ExecutionEntity execution
                && isUnrecorded(execution.getActivity())) {
            return false;
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }

    private static boolean isActivityInstanceEvent(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END;
    }

    static boolean isUnrecorded(PvmActivity activity) {
        return activity != null && UNRECORDED.contains((String) activity.getProperty("type"));
    }

    /** The engine's database handler, without the "Complete" log entries of the cycles' user tasks. */
    static final class WithoutStepCompletionLog extends DbHistoryEventHandler {

        private final Set<String> auditedProcesses;

        WithoutStepCompletionLog(Set<String> auditedProcesses) {
            this.auditedProcesses = auditedProcesses;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isStepCompletion(event)) {
                super.handleEvent(event);
            }
        }

        private boolean isStepCompletion(HistoryEvent event) {
            return event instanceof UserOperationLogEntryEventEntity entry
                    && EntityTypes.TASK.equals(entry.getEntityType())
                    && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
                    && auditedProcesses.contains(entry.getProcessDefinitionKey());
        }
    }
}
