package com.credence.investment;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.support.BrowserSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In headless Chromium at a phone's width: an investor finds a listing, invests, and sees it in the
 * portfolio; a borrower accepts a partial loan offer and the investor reads the notification.
 */
class InvestmentBrowserIT extends InvestmentFixture {

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

  /**
   * Scrolls the element to the middle of the small screen, then clicks it; when something still
   * covers it (the collapsed navbar or a progress bar being swapped by htmx), clicks it in the
   * page.
   */
  private static void click(org.openqa.selenium.WebElement element) {
    JavascriptExecutor js = browser;
    js.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      js.executeScript("arguments[0].click();", element);
    }
  }

  private void signInOnAPhone(TestUser user) {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(375, 812));
    browser.get(http.baseUrl() + "/login");
    browser.findElement(By.id("phone")).sendKeys(user.phone());
    browser.findElement(By.id("password")).sendKeys(user.password());
    browser.findElement(By.id("password")).submit();
    BrowserSupport.waitUntil(browser, () -> !browser.getCurrentUrl().contains("/login"));
  }

  /** Reloads the page until it shows {@code element} (written by an event after a commit). */
  private static void refreshUntilShown(By element) {
    BrowserSupport.waitUntil(
        browser,
        () -> {
          if (!browser.findElements(element).isEmpty()) {
            return true;
          }
          browser.navigate().refresh();
          return !browser.findElements(element).isEmpty();
        });
  }

  private static void assertFitsAPhone() {
    JavascriptExecutor js = browser;
    long scrollWidth =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    assertThat(scrollWidth).as("fits a phone").isLessThanOrEqualTo(viewport);
  }

  /**
   * On a phone: the borrower of a partial listing accepts the offer on its page, and the investor
   * reads what happened on the notifications page.
   */
  @Test
  void aBorrowerAcceptsAPartialOfferAndTheInvestorReadsItsNotification() {
    TestUser borrower = IdentityTestUsers.registered(http, "BORROWER");
    TestUser investor = investor(1_000);
    UUID listing = offeredPartialLoan(borrower, investor, "600.00");

    signInOnAPhone(borrower);
    browser.get(http.baseUrl() + "/me/offers/" + listing);
    assertThat(browser.findElement(By.id("offer-raised")).getText()).isEqualTo("¥600.00");
    assertFitsAPhone();
    click(browser.findElement(By.id("offer-accept")));
    BrowserSupport.waitUntil(
        browser, () -> !browser.findElements(By.id("offer-message")).isEmpty());
    assertThat(browser.findElements(By.id("offer-forms"))).as("answered: no forms").isEmpty();
    assertThat(store.listing(listing).orElseThrow().loanId()).as("disbursed").isNotNull();
    assertFitsAPhone();

    signInOnAPhone(investor);
    browser.get(http.baseUrl() + "/me/notifications");
    assertThat(browser.findElement(By.id("notifications-list")).getText()).contains("¥600.00");
    assertFitsAPhone();
  }

  @Test
  void anInvestorFindsAListingInvestsAndSeesItInThePortfolio() {
    UUID listing = listing(Terms.of(8_000));
    String title = store.listing(listing).orElseThrow().title();
    TestUser user = investor(1_000);
    signInOnAPhone(user);

    browser.get(http.baseUrl() + "/listings?sort=NEWEST&product=CAR");
    click(browser.findElement(By.linkText(title)));
    BrowserSupport.waitUntil(browser, () -> browser.getCurrentUrl().endsWith(listing.toString()));
    JavascriptExecutor js = browser;
    assertThat(js.executeScript("return typeof htmx")).isEqualTo("object");
    assertFitsAPhone();

    browser.findElement(By.id("invest-amount")).sendKeys("150");
    click(browser.findElement(By.id("invest-submit")));
    BrowserSupport.waitUntil(
        browser, () -> !browser.findElements(By.id("listing-message")).isEmpty());
    assertThat(browser.findElement(By.id("listing-message")).getText()).contains("¥150.00");
    assertThat(browser.findElement(By.className("progress-raised")).getText()).isEqualTo("¥150.00");

    browser.get(http.baseUrl() + "/me/portfolio");
    assertThat(browser.findElement(By.id("portfolio-investments")).getText())
        .contains("¥150.00")
        .contains("冻结中");
    BrowserSupport.waitUntil(
        browser, () -> !browser.findElements(By.cssSelector("#chart-flows canvas")).isEmpty());
    assertThat(funds(user.userId()).frozenMinor()).isEqualTo(15_000);
    assertFitsAPhone();
  }

  /** On a phone: from the portfolio to a holding's part of each installment. */
  @Test
  void anInvestorOpensAHoldingsCashFlowsFromThePortfolio() {
    UUID listing = listing(Terms.of(1_000));
    String title = store.listing(listing).orElseThrow().title();
    TestUser user = investor(2_000);
    assertThat(invest(user, listing, "1000.00", "whole").statusCode()).isEqualTo(201);
    awaitLoan(listing);
    signInOnAPhone(user);

    browser.get(http.baseUrl() + "/me/portfolio");
    assertFitsAPhone();
    // The repayment module books the loan from the funding's event, after it commits.
    refreshUntilShown(By.className("holding-cash-flows"));
    click(browser.findElement(By.className("holding-cash-flows")));
    BrowserSupport.waitUntil(browser, () -> browser.getCurrentUrl().contains("/me/holdings/"));
    refreshUntilShown(By.className("holding-part-status"));
    assertThat(browser.findElement(By.id("holding-listing")).getText()).isEqualTo(title);
    assertThat(browser.findElement(By.id("holding-principal")).getText()).isEqualTo("¥1,000.00");
    assertThat(browser.findElements(By.className("holding-part-status")))
        .isNotEmpty()
        .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("待收"));
    assertFitsAPhone();
  }
}
