package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.shared.Money;
import com.credence.support.IntegrationTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The facade other modules call: suitability, and personal data that is stored only encrypted. */
class SuitabilityIT extends IntegrationTestBase {

  @Autowired IdentityService identity;

  @Autowired JdbcClient jdbc;

  @Test
  void suitabilityFollowsKycAndTheQuestionnaire() {
    IdentityApi api = new IdentityApi(http);
    String phone = api.registeredUser("INVESTOR");
    String token = api.token(phone, IdentityApi.PASSWORD);
    UUID userId =
        UUID.fromString(
            json(http.getWithToken("/api/v1/me", token).body()).get("userId").asString());

    Suitability unverified = identity.checkSuitability(userId, "A", Money.yuan(100));
    assertThat(unverified.reason()).isEqualTo(Suitability.KYC_REQUIRED);
    assertThat(unverified.toProblem().code()).isEqualTo("KYC_REQUIRED");
    identity.verifyIdentity(userId, "周末", IdentityApi.randomIdNumber());
    assertThat(identity.checkSuitability(userId, "A", Money.yuan(100)).reason())
        .isEqualTo(Suitability.RISK_ASSESSMENT_REQUIRED);
    identity.submitRiskAssessment(userId, List.of(2, 2, 3, 2, 2, 3, 3, 3, 3, 3));

    Suitability ok = identity.checkSuitability(userId, "C", Money.yuan(300_000));
    assertThat(ok.suitable()).isTrue();
    assertThat(ok.riskLevel()).isEqualTo(RiskLevel.BALANCED);
    assertThat(ok.holdingLimit()).isEqualTo(Money.yuan(300_000));
    Suitability tooRisky = identity.checkSuitability(userId, "D", Money.yuan(100));
    assertThat(tooRisky.reason()).isEqualTo(Suitability.GRADE_NOT_ALLOWED);
    assertThat(tooRisky.toProblem().status()).isEqualTo(422);
    assertThat(tooRisky.toProblem().code()).isEqualTo("NOT_SUITABLE");
    assertThat(identity.checkSuitability(userId, "B", Money.cny(30_000_001L)).reason())
        .isEqualTo(Suitability.HOLDING_LIMIT_EXCEEDED);

    PersonalIdentity person = identity.personalIdentity(userId).orElseThrow();
    assertThat(person.phone()).isEqualTo(phone);
    assertThat(person.toString()).doesNotContain(phone).doesNotContain(person.idNumber());
  }

  @Test
  void testUsersOfOtherModulesAreSuitable() {
    IdentityTestUsers.TestUser investor =
        IdentityTestUsers.investor(http, IdentityTestUsers.AGGRESSIVE);
    assertThat(identity.checkSuitability(investor.userId(), "E", Money.yuan(1_000_000)).suitable())
        .isTrue();
  }

  @Test
  void personalDataIsStoredOnlyEncrypted() {
    IdentityApi api = new IdentityApi(http);
    String phone = api.registeredUser("INVESTOR");
    String token = api.token(phone, IdentityApi.PASSWORD);
    String idNumber = IdentityApi.randomIdNumber();
    http.postJson(
        "/api/v1/me/identity", "{\"realName\":\"吴九\",\"idNumber\":\"" + idNumber + "\"}", token);
    UUID userId =
        UUID.fromString(
            json(http.getWithToken("/api/v1/me", token).body()).get("userId").asString());

    String userRow =
        jdbc.sql("SELECT u::text FROM identity.users u WHERE id = :id")
            .param("id", userId)
            .query(String.class)
            .single();
    String nameRow =
        jdbc.sql("SELECT r::text FROM identity.real_names r WHERE user_id = :id")
            .param("id", userId)
            .query(String.class)
            .single();
    assertThat(userRow).doesNotContain(phone).doesNotContain(hex(phone));
    assertThat(nameRow).doesNotContain(idNumber).doesNotContain(hex(idNumber)).doesNotContain("吴九");
    Long tokens =
        jdbc.sql(
                "SELECT count(*) FROM identity.api_tokens WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
            .param("t", token)
            .query(Long.class)
            .single();
    assertThat(tokens).isEqualTo(1);
  }

  private static String hex(String text) {
    return java.util.HexFormat.of()
        .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
