package com.credence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Log lines never carry a phone number, ID number or real name in clear. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIT extends IntegrationTestBase {

  @Test
  void aWholeJourneyLogsOnlyMaskedPersonalData(CapturedOutput output) {
    IdentityApi api = new IdentityApi(http);
    String phone = api.registeredUser("INVESTOR");
    api.tokens(phone, "Wrong-password-1");
    String token = api.token(phone, IdentityApi.PASSWORD);
    String idNumber = IdentityApi.randomIdNumber();
    http.postJson(
        "/api/v1/me/identity", "{\"realName\":\"欧阳明月\",\"idNumber\":\"" + idNumber + "\"}", token);
    api.requestCode(phone, "RESET_PASSWORD");

    assertThat(output.getAll())
        .contains(phone.substring(0, 3) + "****" + phone.substring(7))
        .doesNotContain(phone)
        .doesNotContain(idNumber)
        .doesNotContain("欧阳明月");
  }
}
