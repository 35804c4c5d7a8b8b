/**
 * Step 6, rectification and filing (整改和备案): the rectification list and the members' commitments,
 * the publicity period and its feedback, the township's review of the filing, filing the cycle, and
 * afterwards whether each member kept the commitment ({@link org.orglife.rectification.Commitments}, 践诺).
 * May use: {@code cycle}, {@code form}, {@code rating}, {@code registry}, {@code calendar} and the
 * adapters.
 */
package org.orglife.rectification;
