package org.orglife.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our migrations run after the engine has created or updated its own tables, so that they may add
 * what the engine's schema lacks (an index on {@code ACT_RU_TASK}, V7): Spring Boot's Flyway
 * initializer is made to depend on the process engine.
 */
@Configuration(proxyBeanMethods = false)
class FlywayAfterEngineSchema {

    static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor flywayAfterProcessEngine() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
                return;
            }
            BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY_INITIALIZER);
            List<String> dependsOn = new ArrayList<>(flyway.getDependsOn() == null ? List.of()
                    : Arrays.asList(flyway.getDependsOn()));
            dependsOn.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)));
            flyway.setDependsOn(dependsOn.toArray(String[]::new));
        };
    }
}
