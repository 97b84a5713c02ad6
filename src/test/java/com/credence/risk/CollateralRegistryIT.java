package com.credence.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.credence.risk.sim.SimulatedCreditBureau;
import com.credence.shared.ProblemException;
import com.credence.support.IntegrationTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CollateralRegistryIT extends IntegrationTestBase {

  private static final int THREADS = 8;

  @Autowired RiskService risk;

  private final Random random = new Random();

  @Test
  void aVehicleBacksOneActiveLoanAndIsFreeAgainWhenItIsSettled() {
    Vin vin = RiskFixtures.freshVin(random);
    String owner = RiskFixtures.cleanSubject();
    UUID first = UUID.randomUUID();

    risk.pledgeCollateral(vin, first, owner);

    assertThat(risk.isPledged(vin)).isTrue();
    assertThatThrownBy(() -> risk.pledgeCollateral(vin, UUID.randomUUID(), owner))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(422);
              assertThat(p.code()).isEqualTo("COLLATERAL_ALREADY_PLEDGED");
            });

    assertThat(risk.releaseCollateral(first)).isEqualTo(1);
    assertThat(risk.isPledged(vin)).isFalse();
    risk.pledgeCollateral(vin, UUID.randomUUID(), owner);
    assertThat(risk.isPledged(vin)).isTrue();
  }

  @Test
  void aPledgeRegisteredElsewhereInTheBureauBlocksIt() {
    String owner = RiskFixtures.subjectWithPledgedVehicle();
    Vin pledgedElsewhere = SimulatedCreditBureau.synthetic(owner).pledgedVins().get(0);

    assertThatThrownBy(() -> risk.pledgeCollateral(pledgedElsewhere, UUID.randomUUID(), owner))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> assertThat(p.code()).isEqualTo("COLLATERAL_ALREADY_PLEDGED"));
    assertThat(risk.isPledged(pledgedElsewhere)).isFalse();
  }

  @Test
  void ofConcurrentRegistrationsOfOneVehicleExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      Vin vin = RiskFixtures.freshVin(random);
      String owner = RiskFixtures.cleanSubject();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<Boolean> attempt =
            () -> {
              start.await();
              try {
                risk.pledgeCollateral(vin, UUID.randomUUID(), owner);
                return true;
              } catch (ProblemException e) {
                assertThat(e.code()).isEqualTo("COLLATERAL_ALREADY_PLEDGED");
                return false;
              }
            };
        results.add(pool.submit(attempt));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        if (result.get(30, TimeUnit.SECONDS)) {
          wins++;
        }
      }
      pool.shutdown();

      assertThat(wins).as("round %d, %s", round, vin).isEqualTo(1);
      assertThat(risk.isPledged(vin)).isTrue();
    }
  }
}
