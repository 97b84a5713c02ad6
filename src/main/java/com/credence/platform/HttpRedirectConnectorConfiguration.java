package com.credence.platform;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain-HTTP connector (port 8080 by default) whose only job is to send browsers to HTTPS; the
 * security filter chain answers every request on it with a redirect. {@code credence.http.port} of
 * 0 or less switches it off.
 */
@Configuration(proxyBeanMethods = false)
class HttpRedirectConnectorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpRedirectConnector(
      @Value("${credence.http.port:8080}") int httpPort,
      @Value("${server.port:8443}") int httpsPort) {
    return factory -> {
      if (httpPort <= 0) {
        return;
      }
      Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
      connector.setScheme("http");
      connector.setPort(httpPort);
      connector.setSecure(false);
      connector.setRedirectPort(httpsPort);
      factory.addAdditionalConnectors(connector);
    };
  }
}
