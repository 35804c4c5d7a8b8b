package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

class NodeNameTest {

    @Test
    void aNamedNodeRecordsItsNameAsHostNameAndJobLockOwner() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(new DefaultJobExecutor());
        NodeName name = new NodeName("node-a");

        name.preInit(configuration);
        name.postInit(configuration);

        assertThat(configuration.getHostname()).isEqualTo("node-a");
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("node-a");
    }

    @Test
    void anUnnamedNodeKeepsTheEngineDefaults() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        String randomOwner = jobExecutor.getLockOwner();
        configuration.setJobExecutor(jobExecutor);
        NodeName name = new NodeName(" ");

        name.preInit(configuration);
        name.postInit(configuration);

        assertThat(configuration.getHostname()).isNull();
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(randomOwner).isNotBlank();
    }
}
