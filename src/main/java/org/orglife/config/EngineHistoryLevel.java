package org.orglife.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything the level
 * {@code full} keeps — process, activity and task instances, process variables, incidents, job log,
 * user operations, decisions — except the forms' data: no history of task-local variables (each
 * step's form is filled into its task and submitted there), no row per variable change or submitted
 * form field ({@code ACT_HI_DETAIL}); and no log of candidate groups and users added to tasks
 * ({@code ACT_HI_IDENTITYLINK}: every step's candidates follow from the process model and the
 * registry).
 *
 * <p>A step's form is a handful of lists of the branch's members; keeping copies of them was most of a
 * cycle's engine history and a fifth of its statements (BENCHMARKS.md). What a branch filed is in our
 * cycle tables, and who filed or changed it, when, in the append-only audit trail; the routing
 * decisions are process variables and stay in the history.
 */
@Component
public class EngineHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "full-except-form-data";
    /** Stored in the database ({@code ACT_GE_PROPERTY historyLevel}); the built-in levels are 0 to 3. */
    static final int ID = 13;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(this);
        configuration.setCustomHistoryLevels(custom);
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
                || eventType == HistoryEventTypes.IDENTITY_LINK_DELETE) {
            return false;
        }
        if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null) {
            return false;
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
