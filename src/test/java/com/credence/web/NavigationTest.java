package com.credence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The navigation bar's entries per role, as the security expressions they replace decided. */
class NavigationTest {

  @Test
  void aVisitorSeesNoSignedInEntries() {
    assertThat(Navigation.of(null)).isEqualTo(Navigation.VISITOR);
    assertThat(
            Navigation.of(
                new AnonymousAuthenticationToken(
                    "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
        .isEqualTo(Navigation.VISITOR);
  }

  @Test
  void eachRoleSeesItsEntries() {
    assertThat(nav("ROLE_INVESTOR")).isEqualTo(new Navigation(true, true, false, false, false));
    assertThat(nav("ROLE_BORROWER")).isEqualTo(new Navigation(true, false, true, false, false));
    assertThat(nav("ROLE_RISK_OFFICER")).isEqualTo(new Navigation(true, false, false, true, true));
    assertThat(nav("ROLE_ADMIN")).isEqualTo(new Navigation(true, false, false, true, true));
    assertThat(nav("ROLE_OPERATOR")).isEqualTo(new Navigation(true, false, false, false, true));
    assertThat(nav("ROLE_AUDITOR")).isEqualTo(new Navigation(true, false, false, false, false));
  }

  private static Navigation nav(String role) {
    return Navigation.of(
        UsernamePasswordAuthenticationToken.authenticated(
            "user", null, List.of(AuthorityUtils.createAuthorityList(role).get(0))));
  }
}
