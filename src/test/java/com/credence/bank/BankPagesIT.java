package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.shared.ApiPrincipal;
import com.credence.support.IntegrationTestBase;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The bank's pages render for a signed-in user (both languages), the bank's and the operators'. */
class BankPagesIT extends IntegrationTestBase {

  @Autowired WebApplicationContext context;

  @Autowired
  @Qualifier("springSecurityFilterChain")
  Filter security;

  @Autowired Clock clock;

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
  }

  @Test
  void accountConfirmationAndOperatorPagesRender() throws Exception {
    BankApi api = new BankApi(http, dataDir, clock);
    TestUser user = IdentityTestUsers.verified(http, "INVESTOR");
    String cardId = api.bindCard(user, BankApi.newCardNumber());
    api.depositAndSettle(user, "1234.56", cardId);
    HttpResponse<String> pending = api.deposit(user, "10.00", cardId, "page");
    String orderId = BankApi.json(pending.body()).get("orderId").asString();

    String zh = render("/me/account", user.userId(), "INVESTOR");
    assertThat(zh)
        .contains("我的存管账户", "¥1,234.56", "中国工商银行", "充值", "提现", "/sim/bank/confirm/" + orderId)
        .doesNotContain("??");
    String en = render("/me/account?lang=en", user.userId(), "INVESTOR");
    assertThat(en)
        .contains("My custody account", "Available", "Frozen", "Bind card", "Succeeded", "Pending")
        .doesNotContain("??");

    assertThat(render("/sim/bank/confirm/" + orderId, user.userId(), "INVESTOR"))
        .contains("模拟存管银行", "name=\"password\"")
        .doesNotContain("??");

    assertThat(render("/admin/bank?lang=en", UUID.randomUUID(), "ADMIN"))
        .contains("Reconciliation results", orderId)
        .doesNotContain("??");
  }

  private String render(String path, UUID userId, String role) throws Exception {
    ApiPrincipal principal = new ApiPrincipal(userId, Set.of(role));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    MvcResult result =
        mvc.perform(
                get(path)
                    .secure(true)
                    .session(session)
                    .with(
                        request -> {
                          request.setScheme("https");
                          request.setServerPort(8443);
                          return request;
                        }))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as("redirected to %s", result.getResponse().getRedirectedUrl())
        .isEqualTo(200);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
