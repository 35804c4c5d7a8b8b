package org.orglife.config;


import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.AbstractTypedValue;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A submitted form's variables are set on its task, whatever their names. The engine would set every
 * name the task does not hold itself on the process instance, where a cycle keeps which branch and
 * year it is, who comments as liaison, its deadlines and decisions: a submission naming them would
 * rewrite them. Each step's listener reads the submission from its task and writes to the instance
 * only what it decided. (The other ways of writing the instance's variables are closed too: a task's
 * candidates hold {@code TASK_WORK}, not {@code UPDATE}, and a completion carrying variables is
 * refused by {@link CompleteWithoutVariables}.)
 */
@Component
public class SubmissionsOnTheirTask extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BpmnParseListener userTasks = new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    var definition = userTask.getTaskDefinition();
                    definition.setTaskFormHandler(new OnTheTask(definition.getTaskFormHandler()));
                }
            }
        };
        configuration.setCustomPostBPMNParseListeners(EngineLists.plus(configuration.getCustomPostBPMNParseListeners(),
                userTasks));
    }

    /** The task's own form handler, except that a submission's variables are set on the task. */
    static final class OnTheTask implements TaskFormHandler {

        private final TaskFormHandler handler;

        OnTheTask(TaskFormHandler handler) {
            this.handler = handler;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return handler.createTaskForm(task);
        }

        /**
         * A submitted value the task does not hold yet is set transient: the step's listener reads it on
         * completion and files what it keeps in our tables, and the task's variables end with the task,
         * so storing it would write and delete a row (and a byte array for a list) for nothing. A
         * pre-filled value is overwritten in place (the engine turns no stored variable transient).
         */
        @Override
        public void submitFormVariables(VariableMap properties, VariableScope task) {
            for (String name : properties.keySet()) {
                TypedValue value = properties.getValueTyped(name);
                task.setVariableLocal(name, task.hasVariableLocal(name) ? value : transientCopy(value));
            }
        }

        private static TypedValue transientCopy(TypedValue value) {
            if (value == null || value.getType() == ValueType.NULL) {
                return Variables.untypedNullValue(true);
            }
            if (value instanceof AbstractTypedValue<?> typed) {
                typed.setTransient(true);
                return typed;
            }
            return Variables.untypedValue(value.getValue(), true);
        }
    }
}
