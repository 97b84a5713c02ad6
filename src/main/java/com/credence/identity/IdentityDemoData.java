package com.credence.identity;

import com.credence.identity.domain.ResidentIdNumber;
import com.credence.shared.DemoDataContributor;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Demo users: an investor with verified real name and a BALANCED questionnaire, and a borrower with
 * verified real name; random passwords, announced once in the start-up log.
 */
@Component
class IdentityDemoData implements DemoDataContributor {

  static final String INVESTOR_PHONE = "13800138000";
  static final String BORROWER_PHONE = "13800138001";

  /** Answers that score 27 points: BALANCED. */
  static final List<Integer> BALANCED_ANSWERS = List.of(2, 2, 3, 2, 2, 3, 3, 3, 3, 3);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final IdentityService identity;

  IdentityDemoData(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void seed(DemoContext context) {
    String investorPassword = randomPassword();
    UUID investor =
        identity.createUserDirectly(INVESTOR_PHONE, investorPassword, EnumSet.of(Role.INVESTOR));
    identity.seedVerifiedIdentity(
        investor,
        "林演示",
        ResidentIdNumber.compose("110105", LocalDate.of(1985, 6, 15), 100 + RANDOM.nextInt(800)));
    identity.submitRiskAssessment(investor, BALANCED_ANSWERS);
    context.announceUser("INVESTOR", INVESTOR_PHONE, investorPassword);
    context.shareUser("investor", investor);

    String borrowerPassword = randomPassword();
    UUID borrower =
        identity.createUserDirectly(BORROWER_PHONE, borrowerPassword, EnumSet.of(Role.BORROWER));
    identity.seedVerifiedIdentity(
        borrower,
        "周示例",
        ResidentIdNumber.compose("310104", LocalDate.of(1979, 3, 2), 100 + RANDOM.nextInt(800)));
    context.announceUser("BORROWER", BORROWER_PHONE, borrowerPassword);
    context.shareUser("borrower", borrower);
  }

  private static String randomPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    // Invariant: the policy wants a letter and a digit.
    return password.append(RANDOM.nextInt(10)).append('k').toString();
  }
}
