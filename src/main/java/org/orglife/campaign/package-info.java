/**
 * The township's year (process {@code township-campaign}): launching it with its deadlines
 * ({@code POST /api/campaigns}), starting every active branch's cycle, the spot checks (随机抽查) drawn
 * from a recorded seed, the progress of every branch, and the township's summary and statistics table.
 * May use: {@code cycle}, {@code form}, {@code escalation}, {@code review}, {@code statistics},
 * {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.campaign;
