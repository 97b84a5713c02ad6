package com.credence.web;

import com.credence.identity.IdentityService;
import com.credence.shared.ApiTokenAuthenticator;
import com.credence.shared.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.PortMapper;
import org.springframework.security.web.PortMapperImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains. The API ({@code /api/**}): stateless bearer tokens, no CSRF, problem+json
 * for 401 and 403. Actuator: health public, the rest for staff. Pages: session login with CSRF. All
 * three redirect plain HTTP to HTTPS and send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String[] STAFF = {"ADMIN", "RISK_OFFICER", "OPERATOR", "AUDITOR"};

  /** API paths anyone may call; everything else under /api needs a token. */
  static final String[] PUBLIC_API = {
    "/api/v1/auth/**",
    "/api/v1/bank/callbacks",
    "/api/v1/disclosure/**",
    "/api/v1/sim/**",
    "/api/v1/risk-assessment/questions",
    "/api/v1/listings",
    "/api/v1/listings/*",
    "/api/v1/loan-products",
    "/api/v1/status"
  };

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Where the HTTPS redirect sends a request that arrived on the plain-HTTP port. */
  private final PortMapper portMapper;

  SecurityConfiguration(
      @Value("${credence.http.port:8080}") int httpPort,
      @Value("${server.port:8443}") int httpsPort) {
    PortMapperImpl mapper = new PortMapperImpl();
    if (httpPort > 0 && httpsPort > 0) {
      mapper.setPortMappings(Map.of(String.valueOf(httpPort), String.valueOf(httpsPort)));
    }
    this.portMapper = mapper;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      ObjectProvider<ApiTokenAuthenticator> authenticators,
      JsonMapper json,
      ObjectProvider<IdentityService> identity)
      throws Exception {
    http.setSharedObject(PortMapper.class, portMapper);
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .redirectToHttps(Customizer.withDefaults())
        .authorizeHttpRequests(
            auth ->
                // The chain does not run on ASYNC dispatches (spring.security.filter
                // .dispatcher-types): an asynchronous answer belongs to a request authorised
                // when it came in.
                auth.requestMatchers("/api/v1/admin/**")
                    .hasAnyRole(STAFF)
                    .requestMatchers(PUBLIC_API)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new BearerTokenAuthenticationFilter(authenticators.orderedStream().toList()),
            AuthorizationFilter.class)
        .addFilterAfter(
            new StaffSecondFactorFilter(identity, json), BearerTokenAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problemEntryPoint(json))
                    .accessDeniedHandler(problemAccessDenied(json)));
    securityHeaders(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorChain(
      HttpSecurity http, ObjectProvider<ApiTokenAuthenticator> authenticators, JsonMapper json)
      throws Exception {
    http.setSharedObject(PortMapper.class, portMapper);
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .redirectToHttps(Customizer.withDefaults())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to("health"))
                    .permitAll()
                    .anyRequest()
                    .hasAnyRole(STAFF))
        .addFilterBefore(
            new BearerTokenAuthenticationFilter(authenticators.orderedStream().toList()),
            AuthorizationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problemEntryPoint(json))
                    .accessDeniedHandler(problemAccessDenied(json)));
    securityHeaders(http);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageChain(
      HttpSecurity http,
      ObjectProvider<AuthenticationProvider> loginProviders,
      ObjectProvider<AuthenticationFailureHandler> loginFailure,
      ObjectProvider<AuthenticationDetailsSource<HttpServletRequest, ?>> loginDetails,
      ObjectProvider<IdentityService> identity,
      JsonMapper json)
      throws Exception {
    loginProviders.orderedStream().forEach(http::authenticationProvider);
    http.setSharedObject(PortMapper.class, portMapper);
    http.redirectToHttps(Customizer.withDefaults())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/",
                        "/login",
                        "/register",
                        "/register/**",
                        "/password-reset",
                        "/password-reset/**",
                        "/error",
                        "/problems/**",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/disclosure/**",
                        "/listings/**",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasAnyRole(STAFF)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form -> {
              form.loginPage("/login")
                  .usernameParameter("phone")
                  .defaultSuccessUrl("/me")
                  .permitAll();
              loginDetails.ifAvailable(form::authenticationDetailsSource);
              loginFailure.ifAvailable(form::failureHandler);
            })
        .addFilterBefore(new StaffSecondFactorFilter(identity, json), AuthorizationFilter.class)
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/").permitAll());
    securityHeaders(http);
    return http.build();
  }

  /**
   * Staff must turn on the second factor before any staff action: until then {@code
   * /api/v1/admin/**} answers 403 {@code SECOND_FACTOR_REQUIRED} and {@code /admin/**} pages send
   * them to enrol.
   */
  static final class StaffSecondFactorFilter extends OncePerRequestFilter {

    private final ObjectProvider<IdentityService> identity;
    private final JsonMapper json;

    StaffSecondFactorFilter(ObjectProvider<IdentityService> identity, JsonMapper json) {
      this.identity = identity;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean api = path.equals("/api/v1/admin") || path.startsWith("/api/v1/admin/");
      boolean page = path.equals("/admin") || path.startsWith("/admin/");
      if (!api && !page) {
        chain.doFilter(request, response);
        return;
      }
      // Looked up only here: resolving the bean is a search of the context, and most requests are
      // not staff ones.
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      IdentityService service = identity.getIfAvailable();
      if (service != null
          && authentication != null
          && authentication.getPrincipal() instanceof AuthenticatedUser user
          && java.util.Arrays.stream(STAFF).anyMatch(user::hasRole)
          && service.secondFactorRequired(user.userId())) {
        if (api) {
          writeProblem(
              json,
              request,
              response,
              403,
              "SECOND_FACTOR_REQUIRED",
              "Staff must turn on the second factor (POST /api/v1/me/totp) before any staff action");
        } else {
          response.sendRedirect(request.getContextPath() + "/me/security?required");
        }
        return;
      }
      chain.doFilter(request, response);
    }
  }

  private static void securityHeaders(HttpSecurity http) throws Exception {
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(
                    hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
  }

  private static AuthenticationEntryPoint problemEntryPoint(JsonMapper json) {
    return (request, response, e) ->
        writeProblem(
            json,
            request,
            response,
            401,
            "UNAUTHENTICATED",
            "Sign in first: send a valid bearer token");
  }

  private static AccessDeniedHandler problemAccessDenied(JsonMapper json) {
    return (request, response, e) ->
        writeProblem(json, request, response, 403, "FORBIDDEN", "You are not allowed to do this");
  }

  static void writeProblem(
      JsonMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problems.PROBLEM_JSON.toString());
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    json.writeValue(
        response.getOutputStream(),
        Problems.body(request, status, code, detail, request.getRequestURI()));
  }
}
