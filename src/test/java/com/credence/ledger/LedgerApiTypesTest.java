package com.credence.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.shared.Currency;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerApiTypesTest {

  @Test
  void everyErrorHasItsOwnExceptionTypeStableCodeAndMessagesInBothLanguages() throws IOException {
    Properties zh = messages("messages.properties");
    Properties en = messages("messages_en.properties");
    Set<Class<?>> types = new HashSet<>();
    for (LedgerError error : LedgerError.values()) {
      LedgerException e = LedgerException.of(error, "detail");
      assertThat(e.error()).isEqualTo(error);
      assertThat(e.code()).isEqualTo(error.name());
      assertThat(e.status()).isEqualTo(error.status()).isBetween(400, 499);
      assertThat(e.getMessage()).isEqualTo("detail");
      assertThat(zh.getProperty(e.messageKey())).as(e.messageKey()).isNotBlank();
      assertThat(en.getProperty(e.messageKey())).as(e.messageKey()).isNotBlank();
      types.add(e.getClass());
    }
    assertThat(types).hasSize(LedgerError.values().length);
    assertThat(LedgerError.PENDING_ALREADY_RESOLVED.status()).isEqualTo(409);
    assertThat(LedgerError.INVALID_AMOUNT.status()).isEqualTo(400);
  }

  @Test
  void everyKindCodeAndTypeHasALabelInBothLanguages() throws IOException {
    for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
      Properties messages = messages(file);
      for (AccountKind kind : AccountKind.values()) {
        assertThat(messages.getProperty("ledger.kind." + kind.name()))
            .as(file + " " + kind)
            .isNotBlank();
      }
      for (TransferCode code : TransferCode.values()) {
        assertThat(messages.getProperty("ledger.code." + code.name()))
            .as(file + " " + code)
            .isNotBlank();
      }
      for (TransferType type : TransferType.values()) {
        assertThat(messages.getProperty("ledger.type." + type.name()))
            .as(file + " " + type)
            .isNotBlank();
      }
    }
  }

  @Test
  void flagsRoundTripThroughBits() {
    for (AccountKind kind : AccountKind.values()) {
      assertThat(AccountFlag.fromBits(AccountFlag.toBits(kind.defaultFlags())))
          .isEqualTo(kind.defaultFlags());
    }
    assertThat(AccountFlag.toBits(EnumSet.allOf(AccountFlag.class))).isEqualTo(3);
    assertThat(AccountFlag.fromBits(0)).isEmpty();
  }

  @Test
  void balancesAreOnTheAccountsNormalSide() {
    AccountView investor =
        new AccountView(
            new AccountId(UUID.randomUUID()),
            AccountKind.INVESTOR_FUNDS,
            UUID.randomUUID(),
            Currency.CNY,
            AccountKind.INVESTOR_FUNDS.defaultFlags(),
            30,
            100,
            20,
            0);
    assertThat(investor.balance().totalMinor()).isEqualTo(70);
    assertThat(investor.balance().frozenMinor()).isEqualTo(20);
    assertThat(investor.balance().availableMinor()).isEqualTo(50);
    assertThat(investor.balance().available().toApiString()).isEqualTo("0.50");
    AccountView bank =
        new AccountView(
            new AccountId(UUID.randomUUID()),
            AccountKind.BANK_SETTLEMENT,
            UUID.randomUUID(),
            Currency.CNY,
            AccountKind.BANK_SETTLEMENT.defaultFlags(),
            100,
            30,
            0,
            20);
    assertThat(bank.balance().totalMinor()).isEqualTo(70);
    assertThat(bank.balance().frozenMinor()).isEqualTo(20);
    assertThat(bank.balance().total().toApiString()).isEqualTo("0.70");
  }

  @Test
  void idsParseTheirTextForm() {
    UUID uuid = UUID.randomUUID();
    assertThat(AccountId.of(uuid.toString()).value()).isEqualTo(uuid);
    assertThat(TransferId.of(uuid.toString()).toString()).isEqualTo(uuid.toString());
  }

  @Test
  void onlyARefusalTurnsIntoAnException() {
    TransferResult refused =
        TransferResult.refused(
            TransferId.of(UUID.randomUUID().toString()), LedgerError.FLOW_NOT_ALLOWED, "no");
    assertThat(refused.toException()).isInstanceOf(LedgerException.FlowNotAllowed.class);
    assertThat(refused.accepted()).isFalse();
    Transfer transfer =
        new Transfer(
            TransferId.of(UUID.randomUUID().toString()),
            TransferType.SINGLE_PHASE,
            new AccountId(UUID.randomUUID()),
            new AccountId(UUID.randomUUID()),
            1,
            Currency.CNY,
            TransferCode.DEPOSIT,
            null,
            "r",
            java.time.LocalDate.of(2026, 11, 25),
            null,
            java.time.Instant.EPOCH);
    assertThatThrownBy(() -> TransferResult.created(transfer).toException())
        .isInstanceOf(IllegalStateException.class);
  }

  private static Properties messages(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LedgerApiTypesTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
