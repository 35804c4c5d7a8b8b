package org.orglife.cycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives cycles through the process in the demo township ({@link CycleDriver}), with the
 * engine's assertions on this context's engine and the engine's clock back to real time afterwards.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class CycleProcessTest {

    @Autowired protected ProcessEngine engine;
    @Autowired protected ReviewCycles reviewCycles;
    @Autowired protected JdbcClient jdbc;

    @BeforeEach
    void assertionsUseThisContextsEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }
}
