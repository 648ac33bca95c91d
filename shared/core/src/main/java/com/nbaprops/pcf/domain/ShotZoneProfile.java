package com.nbaprops.pcf.domain;

/** A player's shot distribution (player_shot_zone_analysis); rates are percentages of shots. */
public record ShotZoneProfile(
    String playerLookup,
    String primaryScoringZone,
    Double paintRate,
    Double midRangeRate,
    Double threePtRate) {}
