/**
 * The notice's steps 0 to 4, one class each, as the process {@code branch-annual-review} runs them:
 * the work plan and its review (制定工作方案、审核工作方案), study (集中学习研讨), soliciting opinions and
 * talks (征求意见、谈心谈话), examining problems (查摆问题), the committee's and the members' meetings
 * (召开支部委员会会议、召开党员大会) and the liaison cadre's attendance (列席指导并点评). Each checks its
 * form and files it into the cycle. The self-examination and the members' meeting remember last year's
 * rectification ({@code LastYearsRectification}). May use: {@code cycle}, {@code form},
 * {@code rating} (the members' meeting's tallies follow the rating rules), {@code ballot}, {@code registry},
 * {@code calendar} and the adapters.
 */
package org.orglife.review;
