/**
 * Web security: who may call what ({@code /api} and {@code /engine-rest} by HTTP Basic with the same
 * accounts as the webapps, the dashboard by its sign-in page), the signed-in person as the domain sees
 * them ({@link org.orglife.security.CurrentUser}), the person handed to the engine for its authorization
 * checks, paths written only one way, the closed Admin setup, the production password guard. May use:
 * {@code engine}, {@code errors}.
 */
package org.orglife.security;
