/**
 * Overdue steps (processes {@code overdue-sweep} and {@code overdue-escalation}): the sweep that finds
 * them, the notice to the step's people and the liaison cadre (in the app and by e-mail), the
 * supervisors' 督办 task two working days later, and ending a step's escalation when it is done
 * ({@link org.orglife.escalation.StepEscalation}, a step observer of the cycle). May use: {@code cycle},
 * {@code form}, {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.escalation;
