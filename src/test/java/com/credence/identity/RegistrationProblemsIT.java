package com.credence.identity;

import static com.credence.identity.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.credence.identity.domain.ResidentIdNumber;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input on registration, real-name verification and the questionnaire: a clear code,
 * nothing changed.
 */
class RegistrationProblemsIT extends IntegrationTestBase {

  @Autowired Clock clock;

  private IdentityApi api;

  @BeforeEach
  void setUp() {
    api = new IdentityApi(http);
  }

  @Test
  void invalidPhoneAndPurposeAreListed() {
    JsonNode problem =
        assertProblem(api.requestCode("12345", "REGISTER"), 400, "VALIDATION_FAILED");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("phone");
    JsonNode purpose =
        assertProblem(api.requestCode(IdentityApi.randomPhone(), "SPAM"), 400, "VALIDATION_FAILED");
    assertThat(purpose.get("errors").get(0).get("field").asString()).isEqualTo("purpose");
    assertProblem(
        http.postJson("/api/v1/auth/sms-codes", "{\"phone\":", null), 400, "MALFORMED_JSON");
  }

  @Test
  void wrongCodeIsRefusedAndTheRightOneStillWorks() {
    String phone = IdentityApi.randomPhone();
    api.requestCode(phone, "REGISTER");
    String code = api.latestCode(phone, "REGISTER");
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertProblem(
        api.register(phone, wrong, IdentityApi.PASSWORD, "INVESTOR"), 400, "SMS_CODE_INVALID");
    assertThat(api.register(phone, code, IdentityApi.PASSWORD, "INVESTOR").statusCode())
        .isEqualTo(201);
  }

  @Test
  void tooManyWrongTriesVoidTheCode() {
    String phone = IdentityApi.randomPhone();
    api.requestCode(phone, "REGISTER");
    String code = api.latestCode(phone, "REGISTER");
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      assertProblem(
          api.register(phone, wrong, IdentityApi.PASSWORD, "INVESTOR"), 400, "SMS_CODE_INVALID");
    }
    assertProblem(
        api.register(phone, code, IdentityApi.PASSWORD, "INVESTOR"), 400, "SMS_CODE_INVALID");
  }

  @Test
  void weakPasswordChangesNothingAndKeepsTheCode() {
    String phone = IdentityApi.randomPhone();
    api.requestCode(phone, "REGISTER");
    String code = api.latestCode(phone, "REGISTER");
    assertProblem(api.register(phone, code, "short1", "INVESTOR"), 400, "WEAK_PASSWORD");
    assertProblem(api.register(phone, code, "onlyletters", "INVESTOR"), 400, "WEAK_PASSWORD");
    assertProblem(api.register(phone, code, "password123", "INVESTOR"), 400, "WEAK_PASSWORD");
    assertProblem(api.tokens(phone, "short1"), 401, "INVALID_CREDENTIALS");
    assertThat(api.register(phone, code, IdentityApi.PASSWORD, "INVESTOR").statusCode())
        .isEqualTo(201);
  }

  @Test
  void aCodeIsSingleUseAndAPhoneRegistersOnce() {
    String phone = api.registeredUser("INVESTOR");
    String used = api.latestCode(phone, "REGISTER");
    assertProblem(
        api.register(phone, used, IdentityApi.PASSWORD, "BORROWER"),
        409,
        "PHONE_ALREADY_REGISTERED");
    assertProblem(api.requestCode(phone, "REGISTER"), 409, "PHONE_ALREADY_REGISTERED");
  }

  @Test
  void staffRolesCannotBeChosenAtRegistration() {
    String phone = IdentityApi.randomPhone();
    api.requestCode(phone, "REGISTER");
    JsonNode problem =
        assertProblem(
            api.register(phone, api.latestCode(phone, "REGISTER"), IdentityApi.PASSWORD, "ADMIN"),
            400,
            "VALIDATION_FAILED");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("role");
  }

  @Test
  void unknownPhonesGetTheSameAnswerButNoCode() {
    String phone = IdentityApi.randomPhone();
    assertThat(api.requestCode(phone, "RESET_PASSWORD").statusCode()).isEqualTo(202);
    assertThat(http.get("/api/v1/sim/sms?phone=" + phone).body()).isEqualTo("[]");
  }

  @Test
  void meNeedsAToken() {
    assertProblem(http.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  }

  @Test
  void badIdentityInputIsRefusedWithoutChangingTheStatus() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    String valid = IdentityApi.randomIdNumber();
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    assertProblem(kyc(token, "王小明", wrongCheck), 400, "ID_NUMBER_INVALID");
    assertProblem(kyc(token, "王小明", "12345"), 400, "ID_NUMBER_INVALID");
    String child = ResidentIdNumber.compose("110105", LocalDate.now(clock).minusYears(17), 123);
    assertProblem(kyc(token, "王小明", child), 422, "NOT_ADULT");
    assertProblem(kyc(token, "王2明", valid), 400, "REAL_NAME_INVALID");
    assertProblem(
        http.postJson(
            "/api/v1/me/identity", "{\"realName\":\"\",\"idNumber\":\"" + valid + "\"}", token),
        400,
        "VALIDATION_FAILED");
    assertThat(json(http.getWithToken("/api/v1/me", token).body()).get("kycStatus").asString())
        .isEqualTo("NONE");
    assertThat(json(kyc(token, "王小明", valid).body()).get("kycStatus").asString())
        .isEqualTo("VERIFIED");
    assertProblem(kyc(token, "王小明", valid), 409, "KYC_ALREADY_VERIFIED");
  }

  @Test
  void registryMismatchIsRejectedAndMayBeRetried() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    String unknown = ResidentIdNumber.compose("110105", LocalDate.of(1990, 5, 5), 999);
    HttpResponse<String> rejected = kyc(token, "李四", unknown);
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(json(rejected.body()).get("kycStatus").asString()).isEqualTo("REJECTED");
    assertThat(json(rejected.body()).get("code").asString()).isEqualTo("KYC_REJECTED");
    assertThat(json(http.getWithToken("/api/v1/me", token).body()).get("kycStatus").asString())
        .isEqualTo("REJECTED");
    assertThat(
            json(kyc(token, "李四", IdentityApi.randomIdNumber()).body()).get("kycStatus").asString())
        .isEqualTo("VERIFIED");
  }

  @Test
  void providerTimeoutAndFailureChangeNothing() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    String idNumber = IdentityApi.randomIdNumber();
    simulate(idNumber, "TIMEOUT");
    assertProblem(kyc(token, "赵六", idNumber), 503, "IDENTITY_PROVIDER_UNAVAILABLE");
    simulate(idNumber, "FAILURE");
    assertProblem(kyc(token, "赵六", idNumber), 503, "IDENTITY_PROVIDER_UNAVAILABLE");
    assertThat(json(http.getWithToken("/api/v1/me", token).body()).get("kycStatus").asString())
        .isEqualTo("NONE");
    simulate(idNumber, "MATCH");
    assertThat(json(kyc(token, "赵六", idNumber).body()).get("kycStatus").asString())
        .isEqualTo("VERIFIED");
  }

  @Test
  void oneIdNumberVerifiesOneAccount() {
    String idNumber = IdentityApi.randomIdNumber();
    String first = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    String second = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    assertThat(json(kyc(first, "钱七", idNumber).body()).get("kycStatus").asString())
        .isEqualTo("VERIFIED");
    assertProblem(kyc(second, "钱七", idNumber), 409, "ID_NUMBER_ALREADY_USED");
  }

  @Test
  void questionnaireAnswersMustFit() {
    String token = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    assertProblem(
        http.postJson("/api/v1/me/risk-assessment", "{\"answers\":[1,2,3]}", token),
        400,
        "RISK_ANSWERS_INVALID");
    assertProblem(
        http.postJson("/api/v1/me/risk-assessment", "{\"answers\":[1,2,3,4,1,2,3,4,1,9]}", token),
        400,
        "RISK_ANSWERS_INVALID");
    assertProblem(
        http.postJson("/api/v1/me/risk-assessment", "{\"answers\":null}", token),
        400,
        "VALIDATION_FAILED");
    assertThat(json(http.getWithToken("/api/v1/me", token).body()).get("riskLevel").isNull())
        .isTrue();
  }

  @Test
  void companyBorrowerRegistersItsCreditCode() {
    String token = api.token(api.registeredUser("BORROWER"), IdentityApi.PASSWORD);
    String body =
        "{\"companyName\":\"深圳示例科技有限公司\",\"creditCode\":\"%s\",\"legalRepName\":\"孙八\","
            + "\"legalRepIdNumber\":\""
            + IdentityApi.randomIdNumber()
            + "\"}";
    assertProblem(
        http.postJson("/api/v1/me/company", body.formatted("914403001922038217"), token),
        400,
        "CREDIT_CODE_INVALID");
    String code = randomCreditCode();
    HttpResponse<String> created = http.postJson("/api/v1/me/company", body.formatted(code), token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created.body()).get("maskedLegalRepresentative").asString()).isEqualTo("孙*");
    assertProblem(
        http.postJson("/api/v1/me/company", body.formatted(code), token),
        409,
        "COMPANY_ALREADY_REGISTERED");
    String investor = api.token(api.registeredUser("INVESTOR"), IdentityApi.PASSWORD);
    assertProblem(
        http.postJson("/api/v1/me/company", body.formatted(randomCreditCode()), investor),
        403,
        "FORBIDDEN");
  }

  private static String randomCreditCode() {
    String first17 =
        "91440300"
            + String.format(
                "%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
    return first17 + com.credence.identity.domain.CreditCode.checkCharacter(first17);
  }

  private HttpResponse<String> kyc(String token, String name, String idNumber) {
    return http.postJson(
        "/api/v1/me/identity",
        "{\"realName\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\"}",
        token);
  }

  private void simulate(String idNumber, String behaviour) {
    HttpResponse<String> response =
        http.postJson(
            "/api/v1/sim/identity-registry",
            "{\"idNumber\":\"" + idNumber + "\",\"behaviour\":\"" + behaviour + "\"}",
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }
}
