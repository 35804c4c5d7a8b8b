package org.orglife.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.orglife.engine.CompleteWithoutVariables;
import org.orglife.engine.EngineRestErrors;
import org.orglife.engine.QueryExpressionFilter;
import org.orglife.engine.ReleaseOwnTask;
import org.orglife.engine.SubmissionRetry;
import org.orglife.engine.WebappEngineApi;
import org.orglife.engine.WebappPluginAccess;
import org.orglife.errors.ApiError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may call what. The Camunda webapps under {@code /camunda} sign people in themselves (with
 * their own CSRF protection); our {@code /api} and the engine's {@code /engine-rest} take the same
 * accounts by HTTP Basic and hand the person to the engine so its authorization checks apply.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig implements WebMvcConfigurer {

    static final String OFFICE = "township-office";
    static final String COUNTY = "county-staff";
    static final String ADMINS = "camunda-admin";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json)
            throws Exception {
        // path patterns on the whole path: /engine-rest is served by its own (JAX-RS) servlet
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/roster"))
                        .hasAnyAuthority(OFFICE, COUNTY, ADMINS)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/roster/preview"))
                        .hasAnyAuthority(OFFICE, COUNTY, ADMINS)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/branches/*/reviews/*"))
                        .hasAnyAuthority(OFFICE, ADMINS)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/campaigns"))
                        .hasAnyAuthority(OFFICE, ADMINS)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/county/campaigns"))
                        .hasAnyAuthority(COUNTY, ADMINS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(json)).accessDeniedHandler(forbidden(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a cross-site form cannot set the Authorization header, so requests that carry one are
                // not forgeable; browser calls without it keep the CSRF check
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/dashboard", "/dashboard/**", "/ballots", "/ballots/**", "/rectification/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
                // the webapps carry their own CSRF protection and session login; a ballot page is answered
                // with its code, which a forged form cannot know
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/ballot", "/ballot/**"))
                // the Camunda pages send their own policy (with the nonces their scripts need); ours this one
                .headers(headers -> headers.frameOptions(Customizer.withDefaults())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /** Our pages load their scripts, styles and images from here only, and run no inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OrgLife\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, json, "请先登录（用户名或密码不正确）");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, json, "无权进行此操作");
    }

    private static void write(HttpServletResponse response, int status, ObjectMapper json, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), ApiError.of(message));
    }

    /** First of all: a path written otherwise than plainly never reaches a filter that compares paths. */
    @Bean
    FilterRegistrationBean<CanonicalPaths> canonicalPaths() {
        FilterRegistrationBean<CanonicalPaths> registration = new FilterRegistrationBean<>(new CanonicalPaths());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the webapps' own filters: the setup endpoint is closed whatever they would decide. */
    @Bean
    FilterRegistrationBean<SetupLockFilter> setupLock(IdentityService identityService) {
        FilterRegistrationBean<SetupLockFilter> registration = new FilterRegistrationBean<>(
                new SetupLockFilter(identityService));
        registration.addUrlPatterns(SetupLockFilter.PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before the webapps' own filters: a webapp's plugin API for those who may use that webapp. */
    @Bean
    FilterRegistrationBean<WebappPluginAccess> webappPluginAccess(CamundaBpmProperties camunda) {
        String webapps = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<WebappPluginAccess> registration = new FilterRegistrationBean<>(
                new WebappPluginAccess(webapps));
        registration.addUrlPatterns(webapps + "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Before the engine's JAX-RS servlets: after our authentication on {@code /engine-rest} (anonymous
     * callers get 401 first), before the webapps' own filters on their engine REST API.
     */
    @Bean
    FilterRegistrationBean<QueryExpressionFilter> queryExpressions(CamundaBpmProperties camunda) {
        return onEngineApis(new QueryExpressionFilter(webappEngineApi(camunda)), camunda);
    }

    /** Beside the expression check, on the same paths: forms are submitted, not completed with variables. */
    @Bean
    FilterRegistrationBean<CompleteWithoutVariables> completeWithoutVariables(CamundaBpmProperties camunda) {
        return onEngineApis(new CompleteWithoutVariables(), camunda);
    }

    /**
     * On the same paths, around the checks of a submission: one that loses a race to background work is
     * tried again ({@link SubmissionRetry}).
     */
    @Bean
    FilterRegistrationBean<SubmissionRetry> submissionRetry(CamundaBpmProperties camunda,
            ObjectProvider<ProcessEngine> engine) {
        return onEngineApis(new SubmissionRetry(engine::getObject), camunda);
    }

    /** On the same paths: whoever holds a task may release it, which the engine alone would refuse them. */
    @Bean
    FilterRegistrationBean<ReleaseOwnTask> releaseOwnTask(CamundaBpmProperties camunda,
            ObjectProvider<ProcessEngine> engine) {
        return onEngineApis(new ReleaseOwnTask(engine::getObject), camunda);
    }

    /** A filter on both engine REST APIs: {@code /engine-rest} and the webapps' own. */
    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> onEngineApis(F filter,
            CamundaBpmProperties camunda) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(QueryExpressionFilter.PATH + "*", webappEngineApi(camunda) + "/*");
        return registration;
    }

    /** The webapps' engine REST API, which Tasklist submits forms to: {@code /camunda/api/engine}. */
    private static String webappEngineApi(CamundaBpmProperties camunda) {
        return camunda.getWebapp().getApplicationPath() + "/api/engine";
    }

    /** Our error mappers beside Camunda's in the engine REST API's Jersey application. */
    @Bean
    ResourceConfigCustomizer engineRestErrors(ObjectProvider<ProcessEngine> engine) {
        return config -> EngineRestErrors.mappers(engine::getObject).forEach(config::register);
    }

    /** The same mappers in the webapps' engine REST API, which Tasklist submits forms to. */
    @Bean
    WebappEngineApi webappEngineApi(CamundaBpmProperties camunda, ObjectProvider<ProcessEngine> engine,
            ObjectProvider<CamundaBpmWebappInitializer> webapps) {
        return new WebappEngineApi(camunda.getWebapp().getApplicationPath(),
                EngineRestErrors.mappers(engine::getObject), webapps);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
