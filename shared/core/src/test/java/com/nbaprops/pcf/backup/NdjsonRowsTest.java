package com.nbaprops.pcf.backup;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.table.Tables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonRowsTest {
  private static final Row TEAM_ROW =
      Row.builder()
          .set("team_abbr", "BOS")
          .set("game_id", "20230223_BOS_MEM")
          .set("game_date", LocalDate.of(2023, 2, 23))
          .set("season_year", 2022L)
          .set("opponent_team_abbr", "MEM")
          .set("home_game", false)
          .set("is_back_to_back", true)
          .set("days_since_last_game", null)
          .set("game_number_in_season", 59L)
          .set("games_in_last_7_days", 3L)
          .set("games_in_last_14_days", 6L)
          .set("pace_last_10", 99.30000000000001)
          .set("processed_at", Instant.parse("2023-02-23T09:15:00.123456Z"))
          .build();

  @Test
  void everyColumnTypeSurvivesTheRoundTrip() {
    byte[] encoded =
        NdjsonRows.encode(Tables.UPCOMING_TEAM_GAME_CONTEXT, List.of(TEAM_ROW, TEAM_ROW));

    assertThat(NdjsonRows.decode(Tables.UPCOMING_TEAM_GAME_CONTEXT, encoded))
        .containsExactly(TEAM_ROW, TEAM_ROW);
  }

  @Test
  void eachRowIsOneLine() {
    String text =
        new String(
            NdjsonRows.encode(Tables.UPCOMING_TEAM_GAME_CONTEXT, List.of(TEAM_ROW)),
            StandardCharsets.UTF_8);

    assertThat(text.lines().count()).isEqualTo(1);
    assertThat(text).contains("\"game_date\":\"2023-02-23\"");
  }

  @Test
  void anUnknownColumnNamesTheLine() {
    byte[] content =
        "{\"team_abbr\":\"BOS\"}\n{\"teamabbr\":\"BOS\"}\n".getBytes(StandardCharsets.UTF_8);

    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NdjsonRows.decode(Tables.UPCOMING_TEAM_GAME_CONTEXT, content));

    assertThat(e).hasMessageThat().contains("line 1");
  }

  @Test
  void aTruncatedLineIsRejected() {
    String full =
        new String(
            NdjsonRows.encode(Tables.UPCOMING_TEAM_GAME_CONTEXT, List.of(TEAM_ROW)),
            StandardCharsets.UTF_8);
    byte[] truncated = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);

    assertThrows(
        IllegalArgumentException.class,
        () -> NdjsonRows.decode(Tables.UPCOMING_TEAM_GAME_CONTEXT, truncated));
  }
}
