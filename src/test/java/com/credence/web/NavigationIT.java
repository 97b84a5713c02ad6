package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.support.IntegrationTestBase;
import com.credence.support.PageSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every link of the navigation bar leads to a page that exists for the one who sees it. */
class NavigationIT extends IntegrationTestBase {

  private static final Pattern NAV_LINK =
      Pattern.compile("<a class=\"nav-link\" id=\"nav-([a-z-]+)\" href=\"([^\"]+)\"");

  @Test
  void anonymousVisitorsSeeListingsAndSignIn() {
    PageSession page = new PageSession(http);
    Map<String, String> links = navLinks(page);
    assertThat(links).containsKeys("listings", "login").doesNotContainKeys("portfolio", "loans");
    assertEveryLinkAnswers(page, links);
  }

  @Test
  void investorsSeeTheirPortfolioAndEveryLinkWorks() {
    PageSession page = signedIn(IdentityTestUsers.investor(http, IdentityTestUsers.BALANCED));
    Map<String, String> links = navLinks(page);
    assertThat(links).containsKeys("listings", "portfolio").doesNotContainKeys("loans", "review");
    assertEveryLinkAnswers(page, links);
  }

  @Test
  void borrowersSeeBorrowingAndLoansAndEveryLinkWorks() {
    PageSession page = signedIn(IdentityTestUsers.verified(http, "BORROWER"));
    Map<String, String> links = navLinks(page);
    assertThat(links).containsKeys("borrow", "loans").doesNotContainKeys("portfolio", "overdue");
    assertEveryLinkAnswers(page, links);
  }

  private PageSession signedIn(TestUser user) {
    PageSession page = new PageSession(http);
    page.get("/login");
    HttpResponse<String> login =
        page.post("/login", Map.of("phone", user.phone(), "password", user.password()));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    assertThat(PageSession.location(login)).doesNotContain("error");
    return page;
  }

  private static Map<String, String> navLinks(PageSession page) {
    HttpResponse<String> home = page.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    Map<String, String> links = new java.util.LinkedHashMap<>();
    Matcher m = NAV_LINK.matcher(home.body());
    while (m.find()) {
      links.put(m.group(1), m.group(2));
    }
    return links;
  }

  private static void assertEveryLinkAnswers(PageSession page, Map<String, String> links) {
    List<String> broken = new ArrayList<>();
    links.forEach(
        (name, href) -> {
          int status = page.get(href).statusCode();
          if (status != 200) {
            broken.add(name + " " + href + " -> " + status);
          }
        });
    assertThat(broken).as("navigation links that do not answer 200").isEmpty();
  }
}
