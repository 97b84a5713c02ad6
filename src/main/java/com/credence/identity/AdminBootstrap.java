package com.credence.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code CREDENCE_ADMIN_PHONE} / {@code CREDENCE_ADMIN_PASSWORD}
 * ({@code credence.admin.*}) at start, once: an existing account with that phone is left alone.
 * There is no built-in default password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final IdentityService identity;
  private final String phone;
  private final String password;

  AdminBootstrap(
      IdentityService identity,
      @Value("${credence.admin.phone:}") String phone,
      @Value("${credence.admin.password:}") String password) {
    this.identity = identity;
    this.phone = phone;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (phone.isBlank() || password.isBlank()) {
      log.info(
          "No admin bootstrap: set CREDENCE_ADMIN_PHONE and CREDENCE_ADMIN_PASSWORD to create the first admin");
      return;
    }
    if (!identity.bootstrapAdmin(phone, password)) {
      log.info("Admin bootstrap: the admin account exists already");
    }
  }
}
