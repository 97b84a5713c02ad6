package com.credence.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the navigation bar shows, decided once per page from the signed-in user's roles. The layout
 * reads {@code nav} instead of evaluating a security expression per menu entry, which was most of
 * the cost of rendering a page.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

  @ModelAttribute("nav")
  Navigation nav() {
    return Navigation.of(SecurityContextHolder.getContext().getAuthentication());
  }
}
