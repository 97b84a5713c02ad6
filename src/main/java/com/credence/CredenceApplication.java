package com.credence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Credence lending platform: one deployable, one package per business capability. */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared", systemName = "Credence")
public class CredenceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CredenceApplication.class, args);
  }
}
