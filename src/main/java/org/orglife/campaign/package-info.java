/**
 * The county's year and each township's (process {@code township-campaign}, one instance per township):
 * the county's launch with its outer deadlines ({@code POST /api/county/campaigns}), each township's within
 * them ({@code POST /api/campaigns}), a late launch escalated to the county, starting every active branch's cycle, the spot checks (随机抽查) drawn
 * from a recorded seed, the progress of every branch, and the township's and the county's summaries.
 * May use: {@code cycle}, {@code form}, {@code escalation}, {@code review}, {@code statistics},
 * {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.campaign;
