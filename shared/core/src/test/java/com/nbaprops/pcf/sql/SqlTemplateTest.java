package com.nbaprops.pcf.sql;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A placeholder is filled, or the SQL is not made: it never reaches the warehouse as text. */
class SqlTemplateTest {
  @Test
  void everyPlaceholderIsFilledThoseAValueBringsInToo() {
    String sql =
        SqlTemplate.of("SELECT * FROM {table} WHERE {filter}")
            .with("table", "nba_analytics.nba_schedule")
            .with("filter", "game_number > {games}")
            .with("games", 5)
            .render();

    assertThat(sql).isEqualTo("SELECT * FROM nba_analytics.nba_schedule WHERE game_number > 5");
  }

  @Test
  void aPlaceholderLeftUnfilledFailsNamingIt() {
    IllegalStateException unfilled =
        assertThrows(
            IllegalStateException.class,
            () ->
                SqlTemplate.of("SELECT * FROM {tabel} JOIN {other}")
                    .with("table", "nba_analytics.nba_schedule")
                    .render());

    assertThat(unfilled).hasMessageThat().contains("{other}");
    assertThat(unfilled).hasMessageThat().contains("{tabel}");
  }
}
