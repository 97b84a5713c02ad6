package com.credence.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what the platform is, and the ways in. */
@Controller
class HomePageController {

  static final String VIEW = "home";

  @GetMapping("/")
  String home() {
    return VIEW;
  }
}
