package com.nbaprops.pcf.local.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.sql.Sql;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the runtime gives everything back, even when a step of the closing fails. */
class LocalRuntimeTest {
  @TempDir Path home;

  private LocalRuntime open() {
    return LocalRuntime.open(home, Map.of(), LocalDate.of(2023, 3, 10), (s, m, l) -> {});
  }

  @Test
  void aFailingCloseHookStillReleasesTheWarehouse() {
    LocalRuntime first = open();
    first.onClose(
        () -> {
          throw new IllegalStateException("the summary could not be printed");
        });

    IllegalStateException failure = assertThrows(IllegalStateException.class, first::close);

    assertThat(failure).hasMessageThat().contains("summary");
    assertThrows(
        RuntimeException.class,
        () -> first.runtime().warehouse().query(Sql.of("SELECT 1 AS one")),
        "the warehouse is closed");
  }
}
