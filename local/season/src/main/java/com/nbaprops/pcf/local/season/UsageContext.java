package com.nbaprops.pcf.local.season;

import static com.nbaprops.pcf.rules.ContextDefinitions.STARS;
import static com.nbaprops.pcf.rules.ContextDefinitions.STAR_MIN_GAMES;
import static com.nbaprops.pcf.rules.ContextDefinitions.STAR_MIN_MINUTES;
import static com.nbaprops.pcf.rules.ContextDefinitions.USAGE_RECENT_GAMES;

import com.nbaprops.pcf.domain.Coverage;
import com.nbaprops.pcf.rules.ContextDefinitions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The usage fields of the upcoming context, as they could be known the morning of a game: only
 * games strictly before the date count.
 *
 * <ul>
 *   <li>{@code avg_usage_rate_last_7_games}: the mean of his last 7 usage rates.
 *   <li>{@code star_teammates_out}: how many of his team's top-3 usage players (season to date, at
 *       least {@link ContextDefinitions#STAR_MIN_GAMES} games and {@link
 *       ContextDefinitions#STAR_MIN_MINUTES} minutes a game for the team) did not play that day.
 *       Who did not play stands in for the injury report, which these data do not have.
 *   <li>{@code projected_usage_rate}: his season-to-date mean, plus {@link
 *       ContextDefinitions#USAGE_PER_STAR_OUT} points for each star teammate out, whose plays
 *       someone has to use.
 * </ul>
 */
final class UsageContext {
  static final int USAGE_RECENT_GAMES = 7;
  static final int STARS = 3;
  static final int STAR_MIN_GAMES = 5;

  static final double STAR_MIN_MINUTES = 20.0;

  static final double PER_STAR_OUT = 2.0;

  /** One usage rate of a player for a team on a date. */
  record Rate(String playerId, String team, LocalDate date, double rate, double minutes) {}

  private final Map<String, List<Rate>> byPlayer;
  private final Map<String, List<Rate>> byTeam;
  private final Map<String, Set<String>> played;
  private final Map<String, List<String>> stars = new HashMap<>();

  /**
   * @param rates every usage rate of the season
   * @param played who played for each team and date, keyed by {@link #key}
   */
  UsageContext(List<Rate> rates, Map<String, Set<String>> played) {
    Comparator<Rate> byDate = Comparator.comparing(Rate::date);
    this.byPlayer =
        rates.stream()
            .sorted(byDate)
            .collect(Collectors.groupingBy(Rate::playerId, Collectors.toList()));
    this.byTeam =
        rates.stream()
            .sorted(byDate)
            .collect(Collectors.groupingBy(Rate::team, Collectors.toList()));
    this.played = played;
  }

  static String key(String team, LocalDate date) {
    return team + "|" + date;
  }

  private List<Rate> before(List<Rate> rates, LocalDate date) {
    return rates == null ? List.of() : rates.stream().filter(r -> r.date().isBefore(date)).toList();
  }

  Double averageLast7(String playerId, LocalDate date) {
    List<Rate> before = before(byPlayer.get(playerId), date);
    List<Rate> recent =
        before.subList(Math.max(0, before.size() - USAGE_RECENT_GAMES), before.size());
    return mean(recent);
  }

  Double seasonMean(String playerId, LocalDate date) {
    return mean(before(byPlayer.get(playerId), date));
  }

  /** The team's top-3 usage players as of the morning of {@code date}. */
  List<String> stars(String team, LocalDate date) {
    return stars.computeIfAbsent(key(team, date), k -> rankStars(team, date));
  }

  private List<String> rankStars(String team, LocalDate date) {
    Map<String, List<Rate>> players = new HashMap<>();
    for (Rate rate : before(byTeam.get(team), date)) {
      players.computeIfAbsent(rate.playerId(), p -> new ArrayList<>()).add(rate);
    }
    return players.entrySet().stream()
        .filter(e -> e.getValue().size() >= STAR_MIN_GAMES)
        .filter(
            e ->
                e.getValue().stream().mapToDouble(Rate::minutes).average().orElse(0)
                    >= STAR_MIN_MINUTES)
        .sorted(
            Comparator.comparing((Map.Entry<String, List<Rate>> e) -> -mean(e.getValue()))
                .thenComparing(Map.Entry::getKey))
        .limit(STARS)
        .map(Map.Entry::getKey)
        .toList();
  }

  int starTeammatesOut(String playerId, String team, LocalDate date) {
    Set<String> playing = played.getOrDefault(key(team, date), Set.of());
    return (int)
        stars(team, date).stream()
            .filter(star -> !star.equals(playerId))
            .filter(star -> !playing.contains(star))
            .count();
  }

  Double projected(String playerId, String team, LocalDate date) {
    return ContextDefinitions.projectedUsage(
        seasonMean(playerId, date), starTeammatesOut(playerId, team, date));
  }

  private static Double mean(List<Rate> rates) {
    return rates.isEmpty()
        ? null
        : Coverage.round(rates.stream().mapToDouble(Rate::rate).average().orElseThrow(), 1);
  }
}
