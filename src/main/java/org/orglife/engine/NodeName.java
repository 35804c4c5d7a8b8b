package org.orglife.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node in a cluster ({@code ORGLIFE_NODE_NAME}): the engine's host name, which the
 * job log ({@code ACT_HI_JOB_LOG.HOSTNAME_}) and the metrics carry, and the lock owner of its job
 * executor ({@code ACT_RU_JOB.LOCK_OWNER_}), so that one can read which node holds a job and which
 * node ran it. Without a name the engine's defaults stay: the host's address and a random lock
 * owner per start. Give every node its own name; the lock owner is only recorded, never queried,
 * so a node restarted under the same name is safe.
 */
@Component
class NodeName implements ProcessEnginePlugin {

    private final String name;

    NodeName(@Value("${orglife.node-name:}") String name) {
        this.name = name == null ? "" : name.trim();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isEmpty()) {
            configuration.setHostname(name);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // the starter hands its job executor to the configuration in its own preInit
        if (!name.isEmpty() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // nothing to do once the engine is built
    }
}
