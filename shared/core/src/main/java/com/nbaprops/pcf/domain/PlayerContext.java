package com.nbaprops.pcf.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What is known about one player before one game: the input of the composite factors. Every measure
 * may be missing (null); the rules apply their documented defaults.
 */
public record PlayerContext(
    String playerLookup,
    String universalPlayerId,
    String gameId,
    LocalDate gameDate,
    String teamAbbr,
    String opponentTeamAbbr,
    Integer daysRest,
    Boolean backToBack,
    Integer gamesInLast7Days,
    Double minutesInLast7Days,
    Double avgMinutesPerGameLast7,
    Integer backToBacksLast14Days,
    Integer playerAge,
    Double projectedUsageRate,
    Double avgUsageRateLast7Games,
    Integer starTeammatesOut,
    Double paceDifferential,
    Double opponentPaceLast10) {

  public PlayerContext {
    requireNonNull(playerLookup, "playerLookup");
    requireNonNull(gameId, "gameId");
    requireNonNull(gameDate, "gameDate");
  }

  public static Builder builder(String playerLookup, String gameId, LocalDate gameDate) {
    return new Builder(playerLookup, gameId, gameDate);
  }

  /** Sets the measures by name; what is not set stays missing. */
  public static final class Builder {
    private final String playerLookup;
    private final String gameId;
    private final LocalDate gameDate;
    private String universalPlayerId;
    private String teamAbbr;
    private String opponentTeamAbbr;
    private Integer daysRest;
    private Boolean backToBack;
    private Integer gamesInLast7Days;
    private Double minutesInLast7Days;
    private Double avgMinutesPerGameLast7;
    private Integer backToBacksLast14Days;
    private Integer playerAge;
    private Double projectedUsageRate;
    private Double avgUsageRateLast7Games;
    private Integer starTeammatesOut;
    private Double paceDifferential;
    private Double opponentPaceLast10;

    private Builder(String playerLookup, String gameId, LocalDate gameDate) {
      this.playerLookup = playerLookup;
      this.gameId = gameId;
      this.gameDate = gameDate;
    }

    public Builder universalPlayerId(String value) {
      universalPlayerId = value;
      return this;
    }

    public Builder teams(String team, String opponent) {
      teamAbbr = team;
      opponentTeamAbbr = opponent;
      return this;
    }

    public Builder daysRest(Integer value) {
      daysRest = value;
      return this;
    }

    public Builder backToBack(Boolean value) {
      backToBack = value;
      return this;
    }

    public Builder gamesInLast7Days(Integer value) {
      gamesInLast7Days = value;
      return this;
    }

    public Builder minutesInLast7Days(Double value) {
      minutesInLast7Days = value;
      return this;
    }

    public Builder avgMinutesPerGameLast7(Double value) {
      avgMinutesPerGameLast7 = value;
      return this;
    }

    public Builder backToBacksLast14Days(Integer value) {
      backToBacksLast14Days = value;
      return this;
    }

    public Builder playerAge(Integer value) {
      playerAge = value;
      return this;
    }

    public Builder projectedUsageRate(Double value) {
      projectedUsageRate = value;
      return this;
    }

    public Builder avgUsageRateLast7Games(Double value) {
      avgUsageRateLast7Games = value;
      return this;
    }

    public Builder starTeammatesOut(Integer value) {
      starTeammatesOut = value;
      return this;
    }

    public Builder paceDifferential(Double value) {
      paceDifferential = value;
      return this;
    }

    public Builder opponentPaceLast10(Double value) {
      opponentPaceLast10 = value;
      return this;
    }

    public PlayerContext build() {
      return new PlayerContext(
          playerLookup,
          universalPlayerId,
          gameId,
          gameDate,
          teamAbbr,
          opponentTeamAbbr,
          daysRest,
          backToBack,
          gamesInLast7Days,
          minutesInLast7Days,
          avgMinutesPerGameLast7,
          backToBacksLast14Days,
          playerAge,
          projectedUsageRate,
          avgUsageRateLast7Games,
          starTeammatesOut,
          paceDifferential,
          opponentPaceLast10);
    }
  }
}
