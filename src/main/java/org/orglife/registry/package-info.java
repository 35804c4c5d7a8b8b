/**
 * The registry (花名册): the county ({@link org.orglife.registry.CountyProperties}), its townships, their
 * branches and members, imported from CSV and XLSX rosters all or nothing, and which branches and
 * townships a person may see ({@link org.orglife.registry.BranchVisibility},
 * {@link org.orglife.registry.TownshipChoice}). What the cycles stand on. May use: the adapters.
 */
package org.orglife.registry;
