package com.credence.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages (never downloaded), set up as TOOLCHAIN.md says. The
 * platform's certificate is self-signed, so the browser is told to accept it.
 */
public final class BrowserSupport {

  private static final Path CHROMIUM =
      Path.of(System.getProperty("credence.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getProperty("credence.chromedriver", "/usr/bin/chromedriver"));

  private BrowserSupport() {}

  public static ChromeDriver chromium(String language) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "Browser tests need "
              + CHROMIUM
              + " and "
              + DRIVER
              + ": run .ci/run, or apt-get install chromium chromium-driver");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("credence-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--ignore-certificate-errors",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setAcceptInsecureCerts(true);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  public static void waitUntil(ChromeDriver driver, BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> condition.getAsBoolean());
  }
}
