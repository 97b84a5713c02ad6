package com.credence.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Versioned links to static files ({@code /webjars/bootstrap/css/…} becomes {@code
 * /webjars/bootstrap/5.3.8/css/…}) without the cost of looking every page link up as a file.
 * Spring's {@link ResourceUrlEncodingFilter} asks the resource resolvers about every link a page
 * builds; with static files served from {@code /**}, a page link such as {@code /listings/…} is
 * searched for in every static location each time (a failed lookup is not cached), which was a
 * third of the cost of rendering a listing page. Here only links to a file (a last path segment
 * with an extension) are resolved; other links are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinkConfiguration {

  /** Replaces Spring Boot's registration of the same filter (it backs off when this one exists). */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new FileLinksOnly());
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  /** True for a link to a file: its path's last segment has an extension ({@code x.min.js}). */
  static boolean isFileLink(String url) {
    int end = url.length();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int slash = url.lastIndexOf('/', end - 1);
    int dot = url.lastIndexOf('.', end - 1);
    return dot > slash && dot < end - 1;
  }

  static final class FileLinksOnly extends ResourceUrlEncodingFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      super.doFilter(
          request,
          response,
          (req, res) ->
              chain.doFilter(
                  req,
                  res instanceof HttpServletResponseWrapper encoding
                      ? new PageLinksPassThrough(encoding)
                      : res));
    }
  }

  /**
   * Above the resource-encoding response: a link to a file goes through it; any other link is
   * returned as it is, as the responses beneath would return it (Spring Security turns session ids
   * in URLs off).
   */
  static final class PageLinksPassThrough extends HttpServletResponseWrapper {

    PageLinksPassThrough(HttpServletResponseWrapper encoding) {
      super(encoding);
    }

    @Override
    public String encodeURL(String url) {
      return isFileLink(url) ? super.encodeURL(url) : url;
    }
  }
}
