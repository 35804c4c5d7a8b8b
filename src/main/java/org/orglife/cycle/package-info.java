/**
 * The branch cycle's core: the year's record of a branch ({@link org.orglife.cycle.ReviewCycle}, its
 * repository and the records the steps write, and how its rectification items stand in their follow-up,
 * {@link org.orglife.cycle.RectificationProgress}, which the next year's steps, the statistics and the
 * dashboard read), its archive and audit trail, who may read it, its opening
 * and closing, and the one listener of every step's task ({@link org.orglife.cycle.StepListener}) with
 * what it hands to others: the step itself ({@link org.orglife.cycle.ReviewStep}), the due dates
 * ({@link org.orglife.cycle.StepSchedule}), and the observers of a step's life
 * ({@link org.orglife.cycle.StepObserver}). The process's variables are named in
 * {@link org.orglife.cycle.ReviewVariables}. May use: {@code form}, {@code identity}, {@code registry},
 * {@code calendar} and the adapters.
 */
package org.orglife.cycle;
