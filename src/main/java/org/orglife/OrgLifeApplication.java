package org.orglife;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OrgLife: the township's organizational life meetings and democratic evaluation of party members,
 * run as BPMN processes in an embedded Camunda 7 engine.
 *
 * <p>Started with {@code --import=FILE[,FILE...]} it imports a roster instead of serving: no web
 * server, no job executor, exit code 0 on success and 1 when the roster was refused.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrgLifeApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OrgLifeApplication.class);
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--import="))) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("camunda.bpm.job-execution.enabled", "false",
                    "spring.autoconfigure.exclude",
                    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
        }
        app.run(args);
    }
}
