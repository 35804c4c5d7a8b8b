/**
 * The demo county 泽州县 of the {@code demo} profile: its three townships' rosters loaded at the first
 * start, the year launched by the county and by two of the townships (the third late and escalated), and
 * some branches moved ahead so that every stage shows at once. May use every
 * feature; nothing uses it.
 */
package org.orglife.demo;
