package org.orglife.registry;

/** Published inside the import's transaction once a roster has been written. */
public record RosterImported(RosterImport.Result result) {
}
