package com.nbaprops.pcf.rules;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeasonCalendarTest {
  private final SeasonCalendar calendar = new SeasonCalendar(14);

  @Test
  void openingNightIsBootstrap() {
    assertThat(calendar.isBootstrap(LocalDate.of(2022, 10, 18))).isTrue();
  }

  @Test
  void dayThirteenIsBootstrap() {
    assertThat(SeasonCalendar.dayOfSeason(LocalDate.of(2022, 10, 31))).isEqualTo(13);
    assertThat(calendar.isBootstrap(LocalDate.of(2022, 10, 31))).isTrue();
  }

  @Test
  void dayFourteenIsProcessed() {
    assertThat(SeasonCalendar.dayOfSeason(LocalDate.of(2022, 11, 1))).isEqualTo(14);
    assertThat(calendar.isBootstrap(LocalDate.of(2022, 11, 1))).isFalse();
  }

  @Test
  void aDateBeforeOpeningNightIsNotBootstrap() {
    assertThat(calendar.isBootstrap(LocalDate.of(2022, 10, 10))).isFalse();
  }

  @Test
  void januaryBelongsToThePreviousYearsSeason() {
    assertThat(SeasonCalendar.seasonYear(LocalDate.of(2023, 2, 23))).isEqualTo(2022);
    assertThat(SeasonCalendar.seasonYear(LocalDate.of(2023, 10, 24))).isEqualTo(2023);
  }

  @Test
  void unknownSeasonsStartOnOctoberTwentySecond() {
    assertThat(SeasonCalendar.seasonStart(2030)).isEqualTo(LocalDate.of(2030, 10, 22));
  }
}
