package com.credence.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.IdentityTestUsers;
import com.credence.identity.IdentityTestUsers.TestUser;
import com.credence.ledger.LedgerChecker;
import com.credence.support.IntegrationTestBase;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fixture of the bank's integration tests: a verified investor with a bound card before each
 * test, and the ledger checked after it.
 */
abstract class BankTestFixture extends IntegrationTestBase {

  @Autowired LedgerChecker checker;
  @Autowired BankService bank;
  @Autowired Clock clock;

  BankApi api;
  TestUser user;
  String cardNumber;
  String cardId;

  @BeforeEach
  void verifiedUserWithACard() {
    api = new BankApi(http, dataDir, clock);
    user = IdentityTestUsers.verified(http, "INVESTOR");
    cardNumber = BankApi.newCardNumber();
    cardId = api.bindCard(user, cardNumber);
  }

  @AfterEach
  void ledgerBalances() {
    assertThat(checker.check().balanced()).as("ledger check").isTrue();
  }
}
