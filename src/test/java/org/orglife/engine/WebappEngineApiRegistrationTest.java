package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** How the webapps' engine REST API gets our error mappers, and that it is never served without the webapps. */
class WebappEngineApiRegistrationTest {

    final ServletContext servletContext = mock(ServletContext.class);
    final ServletRegistration.Dynamic registration = mock(ServletRegistration.Dynamic.class);

    @Test
    void withTheWebappsOnItTakesTheStartersNameAndPathFirst() {
        when(servletContext.addServlet(eq(WebappEngineApi.NAME), any(Servlet.class))).thenReturn(registration);
        when(registration.addMapping("/camunda/api/engine/*")).thenReturn(Set.of());

        api(true).onStartup(servletContext);

        verify(servletContext).addServlet(eq(WebappEngineApi.NAME), any(ServletContainer.class));
        verify(registration).addMapping("/camunda/api/engine/*");
    }

    @Test
    void withTheWebappsOffThereIsNoEngineEndpointUnderThem() {
        api(false).onStartup(servletContext);

        verify(servletContext, never()).addServlet(anyString(), any(Servlet.class));
    }

    @Test
    void aServletAlreadyThereStopsTheStartInsteadOfServingCamundasErrors() {
        when(servletContext.addServlet(eq(WebappEngineApi.NAME), any(Servlet.class))).thenReturn(null);

        assertThatThrownBy(() -> api(true).onStartup(servletContext))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The registration, with the webapps on or off as the starter's initializer is there or not. */
    private static WebappEngineApi api(boolean webappsOn) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (webappsOn) {
            beans.addBean("camundaBpmWebappInitializer", new CamundaBpmWebappInitializer(new CamundaBpmProperties()));
        }
        ObjectProvider<CamundaBpmWebappInitializer> webapps = beans.getBeanProvider(CamundaBpmWebappInitializer.class);
        return new WebappEngineApi("/camunda", EngineRestErrors.mappers(() -> null), webapps);
    }
}
