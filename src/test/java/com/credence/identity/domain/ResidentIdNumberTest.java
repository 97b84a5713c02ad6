package com.credence.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "310104198506150015"})
  void acceptsTheExamplesOfTheStandard(String number) {
    ResidentIdNumber id = ResidentIdNumber.parse(number, TODAY);
    assertThat(id.value()).endsWith(number.substring(17).toUpperCase());
  }

  @Test
  void readsTheBirthDateAndAge() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.ageOn(TODAY)).isEqualTo(76);
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertProblem("110105194912310021", ResidentIdNumber.Problem.CHECK_DIGIT);
  }

  @Test
  void refusesBadFormats() {
    assertProblem("1101051949123100", ResidentIdNumber.Problem.FORMAT);
    assertProblem("11010519491231002Y", ResidentIdNumber.Problem.FORMAT);
    assertProblem("", ResidentIdNumber.Problem.FORMAT);
    assertProblem(null, ResidentIdNumber.Problem.FORMAT);
  }

  @Test
  void refusesUnknownRegions() {
    assertProblem(
        ResidentIdNumber.compose("990101", LocalDate.of(1990, 1, 1), 123),
        ResidentIdNumber.Problem.REGION);
    assertProblem(
        ResidentIdNumber.compose("110001", LocalDate.of(1990, 1, 1), 123),
        ResidentIdNumber.Problem.REGION);
  }

  @Test
  void refusesImpossibleAndFutureBirthDates() {
    String feb30 = "11010519900230123";
    assertProblem(
        feb30 + ResidentIdNumber.checkCharacter(feb30), ResidentIdNumber.Problem.BIRTH_DATE);
    assertProblem(
        ResidentIdNumber.compose("110105", TODAY.plusDays(1), 123),
        ResidentIdNumber.Problem.BIRTH_DATE);
    assertProblem(
        ResidentIdNumber.compose("110105", LocalDate.of(1899, 12, 31), 123),
        ResidentIdNumber.Problem.BIRTH_DATE);
  }

  @Test
  void computesAgeAroundTheBirthday() {
    ResidentIdNumber id =
        ResidentIdNumber.parse(
            ResidentIdNumber.compose("310104", LocalDate.of(2008, 11, 26), 5), TODAY);
    assertThat(id.ageOn(TODAY)).isEqualTo(17);
    assertThat(id.ageOn(TODAY.plusDays(1))).isEqualTo(18);
  }

  @Test
  void printsOnlyMasked() {
    assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).toString())
        .isEqualTo("110***********002X");
  }

  /** Property: every composed number is valid, and changing any one digit makes it invalid. */
  @RepeatedTest(200)
  void anySingleDigitChangeIsDetected() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    LocalDate birth = LocalDate.of(1930 + random.nextInt(90), 1, 1).plusDays(random.nextInt(365));
    String region =
        new String[] {"110105", "310104", "440305", "510107", "650102"}[random.nextInt(5)];
    String valid = ResidentIdNumber.compose(region, birth, random.nextInt(1000));
    assertThat(ResidentIdNumber.parse(valid, TODAY).value()).as("seed %d", seed).isEqualTo(valid);

    int position = random.nextInt(18);
    char original = valid.charAt(position);
    char replacement;
    do {
      replacement =
          position == 17 && random.nextInt(11) == 0 ? 'X' : (char) ('0' + random.nextInt(10));
    } while (replacement == original);
    String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
    assertThatThrownBy(() -> ResidentIdNumber.parse(corrupted, TODAY))
        .as("seed %d, %s", seed, corrupted)
        .isInstanceOf(ResidentIdNumber.InvalidIdNumberException.class);
  }

  private static void assertProblem(String number, ResidentIdNumber.Problem problem) {
    assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY))
        .isInstanceOfSatisfying(
            ResidentIdNumber.InvalidIdNumberException.class,
            e -> assertThat(e.problem()).isEqualTo(problem));
  }
}
