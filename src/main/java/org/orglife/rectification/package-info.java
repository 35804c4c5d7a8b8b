/**
 * Step 6, rectification and filing (整改和备案): the rectification list and the members' commitments,
 * the publicity period and its feedback, the township's review of the filing, filing the cycle, and
 * afterwards each item followed until it is done ({@link org.orglife.rectification.RectificationFollowUps},
 * 整改销号: the secretary's 销号, the liaison cadre's confirmation, the office's 整改不到位) and whether each
 * member kept the commitment ({@link org.orglife.rectification.Commitments}, 践诺).
 * May use: {@code cycle}, {@code form}, {@code rating}, {@code escalation} (a notice to the secretary),
 * {@code registry}, {@code calendar}, {@code identity} and the adapters.
 */
package org.orglife.rectification;
