package com.credence.bank;

import com.credence.bank.domain.Cards;
import com.credence.bank.sim.SimulatedBank;
import com.credence.shared.DemoDataContributor;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Demo money: the demo investor and borrower each bind a card at the simulated bank and deposit
 * through it (confirmed at the bank with a transaction password); the bank's callbacks complete the
 * deposits a few seconds after start-up, as they would for a user. Nothing with a real bank.
 */
@Component
class BankDemoData implements DemoDataContributor {

  static final String INVESTOR_DEPOSIT = "200000.00";
  static final String BORROWER_DEPOSIT = "5000.00";

  /** The six-digit code the demo users confirm with at the simulated bank. */
  private static final String DEMO_BANK_PIN = "135790";

  private final BankService bank;
  private final ObjectProvider<SimulatedBank> simulated;
  private final SecureRandom random = new SecureRandom();

  BankDemoData(BankService bank, ObjectProvider<SimulatedBank> simulated) {
    this.bank = bank;
    this.simulated = simulated;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public void seed(DemoContext context) {
    SimulatedBank simulatedBank = simulated.getIfAvailable();
    if (simulatedBank == null) {
      return;
    }
    context
        .sharedUser("investor")
        .ifPresent(id -> fund(simulatedBank, id, "13800138000", INVESTOR_DEPOSIT));
    context
        .sharedUser("borrower")
        .ifPresent(id -> fund(simulatedBank, id, "13800138001", BORROWER_DEPOSIT));
  }

  private void fund(SimulatedBank simulatedBank, UUID userId, String phone, String amount) {
    CardView card = bank.bindCard(userId, cardNumber(), phone);
    OrderView order = bank.deposit(userId, amount, card.cardId(), "demo-deposit-" + userId);
    simulatedBank.confirm(order.orderId(), DEMO_BANK_PIN);
  }

  private String cardNumber() {
    StringBuilder payload = new StringBuilder("622202");
    for (int i = 0; i < 12; i++) {
      payload.append(random.nextInt(10));
    }
    return payload.toString() + Cards.checkDigit(payload.toString());
  }
}
