package com.nbaprops.pcf.local.season;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of the upstream processors the seed plays: zone shares, defense, usage. */
class ZonesAndUsageTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);

  private static ShotZoneGame shots(int daysBefore, long paint, long mid, long three) {
    return new ShotZoneGame(
        "1", DAY.minusDays(daysBefore), new ZoneShots(0, paint, 0, mid, 0, three));
  }

  @Test
  void zoneSharesAreOfTheAttemptsInTheLastTenGamesWithAnAttempt() {
    List<ShotZoneGame> before = new ArrayList<>();
    before.add(shots(30, 50, 0, 0)); // the 11th game back: outside the window
    for (int i = 10; i >= 1; i--) {
      before.add(shots(i, 4, 2, 4)); // 10 games: 40 paint, 20 mid, 40 three of 100
    }
    before.add(shots(0, 0, 0, 0)); // no attempt: does not count, nor push a game out

    ShotZoneGame.Profile profile = ShotZoneGame.profile(before).orElseThrow();

    assertThat(profile.paintRate()).isEqualTo(40.0);
    assertThat(profile.midRangeRate()).isEqualTo(20.0);
    assertThat(profile.threeRate()).isEqualTo(40.0);
    assertThat(profile.primaryZone()).isEqualTo("paint"); // a tie goes to the paint
    assertThat(profile.earlySeason()).isFalse();
  }

  @Test
  void aShooterFromDeepIsAPerimeterPlayerAndFourGamesAreEarlySeason() {
    ShotZoneGame.Profile profile =
        ShotZoneGame.profile(List.of(shots(4, 1, 1, 8), shots(3, 2, 0, 7), shots(1, 0, 0, 3)))
            .orElseThrow();

    assertThat(profile.primaryZone()).isEqualTo("perimeter");
    assertThat(profile.threeRate()).isEqualTo(81.8); // 18 of 22
    assertThat(profile.earlySeason()).isTrue();
  }

  @Test
  void noAttemptYetIsNoProfile() {
    assertThat(ShotZoneGame.profile(List.of())).isEmpty();
    assertThat(ShotZoneGame.profile(List.of(shots(1, 0, 0, 0)))).isEmpty();
  }

  private static ZoneDefenseGame allowed(
      String team, int daysBefore, long paintMade, long paintTried) {
    return new ZoneDefenseGame(
        team, DAY.minusDays(daysBefore), new ZoneShots(paintMade, paintTried, 8, 20, 12, 35));
  }

  @Test
  void theDefenseDifferentialIsOpponentPercentMinusTheLeaguesOverTheSameDates() {
    List<ZoneDefenseGame> bos = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      bos.add(allowed("BOS", i, 30, 50)); // 60% in the paint
    }
    List<ZoneDefenseGame> league = new ArrayList<>(bos);
    for (int i = 5; i >= 1; i--) {
      league.add(allowed("MIA", i, 20, 50)); // 40%: the league is at 50% over these dates
    }

    ZoneDefenseGame.Profile profile =
        ZoneDefenseGame.profile(bos, ZoneDefenseGame.leagueByDate(league)).orElseThrow();

    assertThat(profile.paint()).isEqualTo(10.0); // 60% - 50%: weak
    assertThat(profile.midRange()).isEqualTo(0.0);
    assertThat(profile.three()).isEqualTo(0.0);
    assertThat(profile.weakestZone()).isEqualTo("paint");
    assertThat(profile.games()).isEqualTo(5);
  }

  @Test
  void noDefenseProfileBeforeFiveGames() {
    List<ZoneDefenseGame> four =
        List.of(
            allowed("BOS", 4, 1, 2),
            allowed("BOS", 3, 1, 2),
            allowed("BOS", 2, 1, 2),
            allowed("BOS", 1, 1, 2));

    assertThat(ZoneDefenseGame.profile(four, ZoneDefenseGame.leagueByDate(four))).isEmpty();
  }

  @Test
  void usageRateIsTheStandardFormula() {
    // 20 FGA, 10 FTA, 5 TOV in 36 minutes; the team 90 FGA, 25 FTA, 15 TOV in 240 minutes.
    UsageGame game = new UsageGame("1", DAY, "DEN", 36, 20, 10, 5, 240, 90, 25, 15);

    // 100 * (20 + 4.4 + 5) * 48 / (36 * (90 + 11 + 15)) = 100 * 29.4 * 48 / 4176 = 33.79...
    assertThat(game.usageRate()).isEqualTo(33.8);
  }

  @Test
  void overtimeMinutesCountAndNoMinutesIsNoRate() {
    UsageGame overtime = new UsageGame("1", DAY, "DEN", 36, 20, 10, 5, 265, 90, 25, 15);
    UsageGame benched = new UsageGame("1", DAY, "DEN", 0, 0, 0, 0, 240, 90, 25, 15);

    assertThat(overtime.usageRate()).isEqualTo(37.3); // team minutes / 5 = 53
    assertThat(benched.usageRate()).isNull();
  }

  private static UsageContext.Rate rate(String player, String team, int daysBefore, double rate) {
    return new UsageContext.Rate(player, team, DAY.minusDays(daysBefore), rate, 30);
  }

  @Test
  void theProjectionIsTheSeasonMeanRaisedForEachStarTeammateOut() {
    List<UsageContext.Rate> rates = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      rates.add(rate("star1", "DEN", i, 32));
      rates.add(rate("star2", "DEN", i, 28));
      rates.add(rate("star3", "DEN", i, 26));
      rates.add(rate("role", "DEN", i, i <= 7 ? 20 : 14)); // season mean 18.2, last 7: 20
    }
    // star1 and star2 sat out on DAY; star3 and the role player played.
    UsageContext usage =
        new UsageContext(rates, Map.of(UsageContext.key("DEN", DAY), Set.of("star3", "role")));

    assertThat(usage.stars("DEN", DAY)).containsExactly("star1", "star2", "star3").inOrder();
    assertThat(usage.starTeammatesOut("role", "DEN", DAY)).isEqualTo(2);
    assertThat(usage.averageLast7("role", DAY)).isEqualTo(20.0);
    assertThat(usage.seasonMean("role", DAY)).isEqualTo(18.2);
    assertThat(usage.projected("role", "DEN", DAY)).isEqualTo(22.2);
    assertThat(usage.starTeammatesOut("star3", "DEN", DAY)).isEqualTo(2);
  }

  @Test
  void aHighUsageInGarbageTimeDoesNotMakeAStar() {
    List<UsageContext.Rate> rates = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      rates.add(new UsageContext.Rate("rookie", "PHI", DAY.minusDays(i), 35, 4));
      rates.add(rate("starter", "PHI", i, 22));
    }

    assertThat(new UsageContext(rates, Map.of()).stars("PHI", DAY)).containsExactly("starter");
  }

  @Test
  void aTradedPlayerIsAStarOnlyWhereHeHasFiveGamesAndOnlyTheDateCounts() {
    List<UsageContext.Rate> rates = new ArrayList<>();
    for (int i = 20; i >= 11; i--) {
      rates.add(rate("traded", "PHX", i, 30)); // his old team
    }
    for (int i = 3; i >= 1; i--) {
      rates.add(rate("traded", "BKN", i, 30)); // three games for the new one
      rates.add(rate("mate", "BKN", i, 20));
    }
    rates.add(rate("mate", "BKN", 0, 99)); // the game of the day itself: no look-ahead
    UsageContext usage = new UsageContext(rates, Map.of());

    assertThat(usage.stars("BKN", DAY)).isEmpty();
    assertThat(usage.stars("PHX", DAY)).containsExactly("traded");
    assertThat(usage.seasonMean("traded", DAY)).isEqualTo(30.0); // both teams' games
    assertThat(usage.seasonMean("mate", DAY)).isEqualTo(20.0);
  }

  @Test
  void openingNightHasNoUsageHistory() {
    UsageContext usage = new UsageContext(List.of(), Map.of());

    assertThat(usage.averageLast7("anyone", DAY)).isNull();
    assertThat(usage.projected("anyone", "DEN", DAY)).isNull();
    assertThat(usage.starTeammatesOut("anyone", "DEN", DAY)).isEqualTo(0);
  }
}
