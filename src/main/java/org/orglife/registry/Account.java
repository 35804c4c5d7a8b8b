package org.orglife.registry;

/** A person with a login: the user id in the engine's identity service, the display name, an optional e-mail. */
public record Account(String userId, String name, String email) {
}
