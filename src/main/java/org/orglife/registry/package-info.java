/**
 * The registry (花名册): the township, its branches and their members, imported from CSV and XLSX
 * rosters all or nothing, and which branches a person may see
 * ({@link org.orglife.registry.BranchVisibility}). What the cycles stand on. May use: the adapters.
 */
package org.orglife.registry;
