package com.credence.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to the session login of the page security chain. */
@Controller
class SignInPageController {

  static final String VIEW = "auth/login";

  @GetMapping("/login")
  String login() {
    return VIEW;
  }
}
