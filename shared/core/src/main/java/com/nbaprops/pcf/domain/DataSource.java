package com.nbaprops.pcf.domain;

/** Where a date's player context came from. */
public enum DataSource {
  /** upcoming_player_game_context, as written before the games. */
  UPCG,
  /** Built from player_game_summary because the upcoming context was empty or partial. */
  SYNTHETIC
}
