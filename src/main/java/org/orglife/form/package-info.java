/**
 * The form kernel: a submitted form as the steps read it ({@link org.orglife.form.FormData}, lists as
 * {@link org.orglife.form.Rows}, choices as {@link org.orglife.form.Choices}), what a form shows when it
 * is opened ({@link org.orglife.form.FormValues}), and the refusal of a submission with every problem
 * ({@link org.orglife.form.SubmissionRejectedException}). Every user task's form goes through it.
 * May use: {@code engine}, {@code errors}.
 */
package org.orglife.form;
