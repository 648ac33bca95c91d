package com.nbaprops.pcf.adapter.embedded.duckdb;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.sql.Sql;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PositionalSqlTest {
  @Test
  void replacesNamedParametersWithTypedPlaceholdersInOrder() {
    Sql sql =
        Sql.of("SELECT * FROM t WHERE d = @day AND n > @n AND e = @day")
            .date("day", LocalDate.of(2023, 2, 23))
            .int64("n", 3L);
    PositionalSql positional = PositionalSql.from(sql);
    assertThat(positional.text())
        .isEqualTo(
            "SELECT * FROM t WHERE d = CAST(? AS DATE) AND n > CAST(? AS BIGINT) AND e = CAST(? AS DATE)");
    assertThat(positional.parameters()).hasSize(3);
  }

  @Test
  void leavesAtSignsInsideStringsAndComments() {
    Sql sql = Sql.of("SELECT 'a@b.c' AS mail -- @nope\n, @x AS x").string("x", "v");
    assertThat(PositionalSql.from(sql).text())
        .isEqualTo("SELECT 'a@b.c' AS mail -- @nope\n, CAST(? AS VARCHAR) AS x");
  }

  @Test
  void rejectsAParameterWithoutAValue() {
    assertThrows(
        IllegalArgumentException.class, () -> PositionalSql.from(Sql.of("SELECT @missing")));
  }
}
