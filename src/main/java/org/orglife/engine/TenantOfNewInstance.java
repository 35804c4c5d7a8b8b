package org.orglife.engine;

import java.util.Map;

/** Says which tenant (township) a process instance about to start belongs to; null for none. */
@FunctionalInterface
public interface TenantOfNewInstance {

    String tenantOf(String processDefinitionKey, Map<String, Object> variables);
}
