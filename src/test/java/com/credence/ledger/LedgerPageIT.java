package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.credence.shared.ApiPrincipal;
import com.credence.shared.Currency;
import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import jakarta.servlet.Filter;
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

/**
 * The statement page renders for a signed-in user. Sign-in pages belong to identity, so the test
 * puts a signed-in user in the session the way the session login would.
 */
class LedgerPageIT extends IntegrationTestBase {

  @Autowired WebApplicationContext context;

  @Autowired
  @Qualifier("springSecurityFilterChain")
  Filter security;

  @Autowired LedgerService ledger;

  @Autowired Clock clock;

  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
  }

  @Test
  void theStatementPageShowsBalancesAndLines() throws Exception {
    UUID user = UUID.randomUUID();
    AccountId bank =
        ledger.openAccount(AccountKind.BANK_SETTLEMENT, UUID.randomUUID(), Currency.CNY);
    AccountId mine = ledger.openAccount(AccountKind.INVESTOR_FUNDS, user, Currency.CNY);
    AccountId escrow = ledger.openAccount(AccountKind.LOAN_ESCROW, UUID.randomUUID(), Currency.CNY);
    ledger.createTransfer(
        CreateTransfer.single(
            TransferId.newId(clock),
            bank,
            mine,
            Money.cny(1_234_567_89),
            TransferCode.DEPOSIT,
            "bank-order-77"));
    ledger.createTransfer(
        CreateTransfer.pending(
            TransferId.newId(clock),
            mine,
            escrow,
            Money.yuan(100),
            TransferCode.INVESTMENT,
            "listing-9",
            null));

    String zh = render("/me/statement", user);
    assertThat(zh)
        .contains(
            "资金流水",
            "bank-order-77",
            "listing-9",
            "充值",
            "冻结",
            "+1,234,567.89",
            "¥1,234,467.89",
            "¥100.00",
            "-100.00")
        .doesNotContain("??");

    String en = render("/me/statement?lang=en", user);
    assertThat(en)
        .contains("Statement", "Deposit", "Investment", "Available", "Frozen (CNY)")
        .doesNotContain("??");
  }

  @Test
  void aUserWithoutAccountsSeesAnEmptyStatement() throws Exception {
    assertThat(render("/me/statement?lang=en", UUID.randomUUID()))
        .contains("You have no accounts yet.", "No entries in the chosen period.");
  }

  private String render(String path, UUID userId) throws Exception {
    ApiPrincipal principal = new ApiPrincipal(userId, Set.of("INVESTOR"));
    SecurityContext security = SecurityContextHolder.createEmptyContext();
    security.setAuthentication(
        new UsernamePasswordAuthenticationToken(
            principal, null, List.of(new SimpleGrantedAuthority("ROLE_INVESTOR"))));
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, security);
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
    return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
