package com.nbaprops.pcf.domain;

/**
 * How a team defends each zone against the league average (team_defense_zone_analysis), in
 * percentage points; positive means the team allows more than average, a weak defense.
 */
public record TeamDefenseProfile(
    String teamAbbr,
    Double paintVsLeague,
    Double midRangeVsLeague,
    Double threePtVsLeague,
    String weakestZone) {}
