package org.orglife.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each township is a tenant of the engine (SPEC §10): every new process instance is stamped with the
 * township whose work it is, and its tasks, variables, jobs and history carry it; a decision evaluated
 * in an instance carries the instance's. The definitions stay shared, deployed once. Which township an
 * instance belongs to is the domain's to say ({@link TenantOfNewInstance}); an instance it places in no
 * township (the overdue sweep, the county's campaign) has no tenant and is the county's.
 */
@Component
class TownshipTenants extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TenantOfNewInstance> tenantOf;

    TownshipTenants(ObjectProvider<TenantOfNewInstance> tenantOf) {
        this.tenantOf = tenantOf;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new TenantIdProvider() {

            @Override
            public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
                if (context.getSuperExecution() != null) {
                    return context.getSuperExecution().getTenantId();
                }
                TenantOfNewInstance domain = tenantOf.getIfAvailable();
                VariableMap variables = context.getVariables();
                return domain == null ? null
                        : domain.tenantOf(context.getProcessDefinition().getKey(), variables);
            }

            @Override
            public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
                return null;
            }

            @Override
            public String provideTenantIdForHistoricDecisionInstance(
                    TenantIdProviderHistoricDecisionInstanceContext context) {
                return context.getExecution() == null ? null : context.getExecution().getTenantId();
            }
        });
    }
}
