/**
 * The demo township 大东沟镇 of the {@code demo} profile: its roster loaded at the first start, its 2021
 * campaign launched, and some branches moved ahead so that every stage shows at once. May use every
 * feature; nothing uses it.
 */
package org.orglife.demo;
