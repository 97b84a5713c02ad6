package com.credence.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.credence.support.BusinessDayRecorder;
import com.credence.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Moving the simulated business date forward closes every date on the way, once, in order. */
class SimulationClockIT extends IntegrationTestBase {

  @Autowired BusinessDays businessDays;
  @Autowired BusinessDayRecorder recorder;

  @Test
  void movesForwardClosingEachDateOnceInOrderAndNeverBack() {
    businessDays.closeEndedDays();
    LocalDate today =
        LocalDate.parse(json(http.get("/api/v1/sim/clock").body()).get("date").asString());

    HttpResponse<String> moved =
        http.postJson("/api/v1/sim/clock", "{\"date\":\"" + today.plusDays(2) + "\"}", null);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    JsonNode view = json(moved.body());
    assertThat(view.get("date").asString()).isEqualTo(today.plusDays(2).toString());
    assertThat(view.get("closedDates").valueStream().map(JsonNode::asString).toList())
        .containsExactly(today.toString(), today.plusDays(1).toString());
    List<LocalDate> announced = recorder.dates();
    assertThat(announced).endsWith(today, today.plusDays(1));
    assertThat(announced).doesNotHaveDuplicates();
    assertThat(businessDays.lastClosed()).contains(today.plusDays(1));

    // Closing again announces nothing new.
    assertThat(businessDays.closeEndedDays()).isEmpty();
    assertThat(recorder.dates()).isEqualTo(announced);

    HttpResponse<String> back =
        http.postJson("/api/v1/sim/clock", "{\"date\":\"" + today + "\"}", null);
    assertThat(back.statusCode()).isEqualTo(409);
    assertThat(json(back.body()).get("code").asString()).isEqualTo("CLOCK_NEVER_GOES_BACK");
    assertThat(json(http.get("/api/v1/sim/clock").body()).get("date").asString())
        .isEqualTo(today.plusDays(2).toString());
  }

  @Test
  void refusesBadDates() {
    for (String body :
        List.of(
            "{\"date\":\"tomorrow\"}",
            "{}",
            "{\"date\":\"2026-13-01\"}",
            "{\"date\":\"9999-01-01\"}")) {
      HttpResponse<String> response = http.postJson("/api/v1/sim/clock", body, null);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response.body()).get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }
  }
}
