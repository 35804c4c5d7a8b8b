/**
 * Tenants (one per township), accounts, groups, memberships, grants and Tasklist filters, kept in step
 * with the registry and the county's configuration at every start and
 * import ({@link org.orglife.identity.IdentitySync}): each role's engine authorizations
 * ({@link org.orglife.identity.AccessRules}) and its filters. May use: {@code registry} and the adapters.
 */
package org.orglife.identity;
