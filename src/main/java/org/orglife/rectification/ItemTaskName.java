package org.orglife.rectification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a follow-up step after its item, 整改销号·第2项, before the step listener adds the branch: the
 * process model keeps the step's own name, which is how Cockpit's diagram shows it.
 */
@Component("itemTaskName")
class ItemTaskName implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(task.getName() + "·第" + task.getVariable(RectificationFollowUps.ITEM_SEQ) + "项");
    }
}
