package org.orglife.engine;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
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
import org.orglife.errors.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How our user tasks' forms are read and submitted; wraps every user task's form handler.
 * <ul>
 * <li><b>Read:</b> a form's values are computed when the form is opened (Tasklist's form variables)
 * by the task's {@link FormPrefill}, from the cycle's records as they are then; nothing is stored on
 * the task for it. Stored, they cost a row per field (and a byte array per list) written when the task
 * was created and deleted when it was completed.</li>
 * <li><b>Submit:</b> a submission's variables are set on its task, whatever their names, and
 * transient: the task's listener checks them on completion and files what it keeps in our tables.
 * The engine would set every name the task does not hold itself on the process instance, where a
 * cycle keeps which branch and year it is, who comments as liaison, its deadlines and decisions: a
 * submission naming them would rewrite them. (The other ways of writing the instance's variables are
 * closed too: a task's candidates hold {@code TASK_WORK}, not {@code UPDATE}, and a completion
 * carrying variables is refused by {@link CompleteWithoutVariables}.)</li>
 * </ul>
 */
@Component
public class TaskForms extends AbstractProcessEnginePlugin {

    private final ObjectProvider<FormPrefill> prefills;

    TaskForms(ObjectProvider<FormPrefill> prefills) {
        this.prefills = prefills;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BpmnParseListener userTasks = new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    var definition = userTask.getTaskDefinition();
                    definition.setTaskFormHandler(new Handler(definition.getTaskFormHandler(), prefills));
                }
            }
        };
        configuration.setCustomPostBPMNParseListeners(EngineLists.plus(configuration.getCustomPostBPMNParseListeners(),
                userTasks));
        configuration.setFormService(new DeployedFormsOfTasksThatExist());
    }

    /**
     * The engine fails on a task that is not there when asked for its deployed form (Tasklist's
     * {@code …/task/{id}/deployed-form}) with a NullPointerException, logged as an error with its stack
     * trace; here the task is looked for first and, missing, is not found.
     */
    static final class DeployedFormsOfTasksThatExist extends FormServiceImpl {

        @Override
        public InputStream getDeployedTaskForm(String taskId) {
            return commandExecutor.execute(new GetDeployedTaskFormCmd(taskId) {
                @Override
                protected void checkAuthorization() {
                    if (commandContext.getTaskManager().findTaskById(this.taskId) == null) {
                        throw new NotFoundException("Cannot find task with id " + this.taskId);
                    }
                    super.checkAuthorization();
                }
            });
        }
    }

    /** The task's own form handler, with the form's values computed on read and submissions kept on the task. */
    static final class Handler implements TaskFormHandler {

        private final TaskFormHandler handler;
        private final ObjectProvider<FormPrefill> prefills;

        Handler(TaskFormHandler handler, ObjectProvider<FormPrefill> prefills) {
            this.handler = handler;
            this.prefills = prefills;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        /**
         * The form as the task's handler describes it; when the form's variables are read, with the
         * values as form fields, which the engine hands out first. Only then: asked for the form alone,
         * REST takes a form with fields and no key for a generated form, and ours are Camunda Forms.
         */
        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = handler.createTaskForm(task);
            CommandInvocationContext command = Context.getCommandInvocationContext();
            if (command != null && command.getCommand() instanceof GetTaskFormVariablesCmd) {
                // the engine's form handlers build a FormDataImpl, whose list of fields is the form's own
                ((FormDataImpl) form).getFormFields().addAll(valuesOf(task));
            }
            return form;
        }

        private List<FormField> valuesOf(TaskEntity task) {
            List<FormField> fields = new ArrayList<>();
            for (FormPrefill prefill : prefills) {
                Map<String, Object> values = prefill.valuesFor(task);
                if (values != null) {
                    values.forEach((name, value) -> {
                        FormFieldImpl field = new FormFieldImpl();
                        field.setId(name);
                        field.setValue(typed(name, value));
                        fields.add(field);
                    });
                }
            }
            return fields;
        }

        /**
         * Each submitted value is set on the task, transient (see the class comment). No form of ours
         * submits an object: one would be deserialized into whatever class it names when a listener read
         * it, so a submission carrying one is refused whole.
         */
        @Override
        public void submitFormVariables(VariableMap properties, VariableScope task) {
            List<String> objects = properties.keySet().stream()
                    .filter(name -> properties.getValueTyped(name) != null
                            && properties.getValueTyped(name).getType() == ValueType.OBJECT)
                    .map(name -> "「" + name + "」不能以对象（Object）提交，表单只接受文字、数字、日期、是否和 JSON")
                    .toList();
            if (!objects.isEmpty()) {
                throw new ApiProblem(400, "提交未通过校验，未保存", objects);
            }
            for (String name : properties.keySet()) {
                TypedValue value = properties.getValueTyped(name);
                // a task created before values were computed on read holds them; the engine turns no stored variable transient
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

        private static TypedValue typed(String name, Object value) {
            if (value instanceof TypedValue typed) {
                return typed;
            }
            if (value instanceof String text) {
                return Variables.stringValue(text);
            }
            if (value instanceof Integer number) {
                return Variables.integerValue(number);
            }
            if (value instanceof Long number) {
                return Variables.longValue(number);
            }
            if (value instanceof Boolean bool) {
                return Variables.booleanValue(bool);
            }
            if (value instanceof Date date) {
                return Variables.dateValue(date);
            }
            throw new IllegalArgumentException("form value " + name + " of unsupported type " + value.getClass().getName());
        }
    }
}
