/**
 * Overdue steps (processes {@code overdue-sweep}, {@code overdue-escalation} and
 * {@code branch-supervision}): the sweep that finds them, the notice to the step's people and the
 * liaison cadre (in the app and by e-mail), and two working days later the branch's one 督办 for the
 * supervisors ({@link org.orglife.escalation.BranchSupervisions}), which lists the branch's overdue
 * steps and closes when none is left; a step that opens overdue is escalated at once
 * ({@link org.orglife.escalation.StepEscalation}, a step observer of the cycle). May use: {@code cycle},
 * {@code form}, {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.escalation;
