/**
 * The application: {@link org.orglife.OrgLifeApplication} starts it (or imports a roster and exits).
 * Its packages, and which may use which, are listed in the README's "Code map" and held by the
 * architecture test.
 */
package org.orglife;
