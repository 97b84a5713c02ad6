package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.BrowserSupport;
import com.credence.support.IntegrationTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** The home page in a real headless Chromium: Chinese first, the English switch, a phone screen. */
class HomePageBrowserIT extends IntegrationTestBase {

  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    browser = BrowserSupport.chromium("zh-CN");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void rendersInChineseAndSwitchesToEnglishAndBack() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(http.baseUrl() + "/");
    assertThat(browser.findElement(By.id("home-headline")).getText()).isEqualTo("每一分钱都可核查的网络借贷");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

    browser.findElement(By.id("lang-switch")).click();
    assertThat(browser.findElement(By.id("home-headline")).getText())
        .isEqualTo("Online lending where every fen can be checked");

    // The choice persists: a fresh visit without the parameter stays English.
    browser.get(http.baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

    browser.findElement(By.id("lang-switch")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
  }

  @Test
  void fitsAPhoneScreenWithoutHorizontalScrolling() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(375, 812));
    browser.get(http.baseUrl() + "/");
    JavascriptExecutor js = browser;
    long scrollWidth =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    assertThat(viewport).isLessThanOrEqualTo(375);
    assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
    // On a phone the navigation collapses behind the toggler, and the toggler opens it.
    assertThat(browser.findElement(By.id("nav-login")).isDisplayed()).isFalse();
    browser.findElement(By.className("navbar-toggler")).click();
    BrowserSupport.waitUntil(browser, () -> browser.findElement(By.id("nav-login")).isDisplayed());
    assertThat(browser.findElement(By.id("nav-login")).isDisplayed()).isTrue();
  }

  @Test
  void scriptsRunUnderTheContentSecurityPolicy() {
    browser.get(http.baseUrl() + "/");
    JavascriptExecutor js = browser;
    assertThat(js.executeScript("return typeof htmx")).isEqualTo("object");
    assertThat(js.executeScript("return typeof bootstrap")).isEqualTo("object");
  }
}
