package com.credence.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Everything that needs time gets it injected. In simulation mode
 * it is a {@link SimulationClock} that {@code POST /api/v1/sim/clock} moves forward.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  @ConditionalOnProperty(
      name = "credence.simulation.enabled",
      havingValue = "true",
      matchIfMissing = true)
  SimulationClock simulationClock() {
    return new SimulationClock(Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}
