package com.credence.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese first, English second. The choice made with {@code ?lang=en} or {@code
 * ?lang=zh-CN} persists in a cookie; without a cookie the browser's Accept-Language decides, and
 * anything that is not English gets Chinese. Pages also get their navigation bar here ({@link
 * NavigationInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final String COOKIE = "credence-lang";

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSecure(true);
    resolver.setCookieHttpOnly(true);
    resolver.setDefaultLocaleFunction(LocaleConfiguration::fromAcceptLanguage);
    return resolver;
  }

  static Locale fromAcceptLanguage(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return supported(request.getLocale());
  }

  static Locale supported(Locale locale) {
    return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor =
        new LocaleChangeInterceptor() {
          @Override
          protected Locale parseLocaleValue(String localeValue) {
            Locale parsed = super.parseLocaleValue(localeValue);
            return parsed == null ? null : supported(parsed);
          }
        };
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    registry.addInterceptor(new NavigationInterceptor()).excludePathPatterns("/api/**");
  }
}
