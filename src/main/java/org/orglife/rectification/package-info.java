/**
 * Step 6, rectification and filing (整改和备案): the rectification list and the members' commitments,
 * the publicity period and its feedback, the township's review of the filing, and filing the cycle.
 * May use: {@code cycle}, {@code form}, {@code rating}, {@code registry}, {@code calendar} and the
 * adapters.
 */
package org.orglife.rectification;
