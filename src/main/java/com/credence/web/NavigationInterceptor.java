package com.credence.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the navigation bar shows, decided once per page from the signed-in user's roles. The layout
 * reads {@code nav} instead of evaluating a security expression per menu entry, which was most of
 * the cost of rendering a page.
 *
 * <p>An interceptor that adds it to a rendered view's model, not a {@code @ModelAttribute} advice:
 * an advice is matched against every handler and run before it, JSON answers included, where it was
 * a few percent of an API request's CPU. Registered for pages only ({@link LocaleConfiguration}).
 */
class NavigationInterceptor implements HandlerInterceptor {

  static final String ATTRIBUTE = "nav";

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
    if (view == null || isRedirect(view)) {
      return;
    }
    view.addObject(
        ATTRIBUTE, Navigation.of(SecurityContextHolder.getContext().getAuthentication()));
  }

  private static boolean isRedirect(ModelAndView view) {
    String name = view.getViewName();
    return (name != null && name.startsWith("redirect:")) || view.getView() instanceof RedirectView;
  }
}
