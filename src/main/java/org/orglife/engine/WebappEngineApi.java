package org.orglife.engine;

import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * The engine REST API of the webapps ({@code /camunda/api/engine/*}: Tasklist submits forms there)
 * with our error mappers beside Camunda's, so that a person in Tasklist reads the same Chinese answer
 * as a caller of {@code /engine-rest} ({@link EngineRestErrors}) instead of Camunda's English text.
 *
 * <p>The webapp starter registers this servlet as {@value #NAME}, a Jersey {@link ServletContainer}
 * over Camunda's {@link EngineRestApplication}, unless a servlet of that name already exists; so this
 * initializer, ordered before the starter's, registers the same application with our mappers added
 * under that name and path. It does nothing when the webapps are off: without the webapps' own filters
 * (sign-in, CSRF) this endpoint would be open to anyone.
 */
public class WebappEngineApi implements ServletContextInitializer, Ordered {

    static final String NAME = "Engine Api";

    private final String path;
    private final List<Object> mappers;
    private final ObjectProvider<CamundaBpmWebappInitializer> webapps;

    /**
     * @param applicationPath the webapps' path, {@code camunda.bpm.webapp.application-path}
     * @param mappers our error mappers ({@link EngineRestErrors#mappers})
     * @param webapps the starter's initializer, present when the webapps are on
     */
    public WebappEngineApi(String applicationPath, List<Object> mappers, ObjectProvider<CamundaBpmWebappInitializer> webapps) {
        this.path = applicationPath + "/api/engine/*";
        this.mappers = mappers;
        this.webapps = webapps;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (webapps.getIfAvailable() == null) {
            return;
        }
        ResourceConfig application = ResourceConfig.forApplication(new EngineRestApplication());
        mappers.forEach(application::register);
        ServletRegistration.Dynamic registration = servletContext.addServlet(NAME, new ServletContainer(application));
        if (registration == null) {
            throw new IllegalStateException("a servlet named '" + NAME + "' is already registered");
        }
        Set<String> taken = registration.addMapping(path);
        if (!taken.isEmpty()) {
            throw new IllegalStateException(path + " is already mapped to another servlet");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
