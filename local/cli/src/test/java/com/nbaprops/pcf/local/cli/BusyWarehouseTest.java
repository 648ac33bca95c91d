package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded warehouse held by another process: commands that only read open it read-only and run
 * beside other readers; a command that writes says what holds it and exits 3.
 */
class BusyWarehouseTest {
  @TempDir Path home;
  private final StringWriter err = new StringWriter();
  private Process holder;

  @BeforeEach
  void seed() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
  }

  @AfterEach
  void release() throws Exception {
    if (holder != null) {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  private void holdFrom(String mode) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HoldWarehouse.class.getName(),
                home.resolve("warehouse.duckdb").toString(),
                mode)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String line =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    assertThat(line).isEqualTo("held");
  }

  private int run(String... args) {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void statusReadsBesideAnotherReader() throws Exception {
    holdFrom("read-only");

    assertThat(run("--today", "2023-03-10", "status", "2023-02-01", "2023-02-28"))
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void aWriterMeetingAHeldWarehouseSaysSoAndExitsThree() throws Exception {
    holdFrom("read-write");

    assertThat(run("--today", "2023-03-10", "track", "2023-02-01", "2023-02-28"))
        .isEqualTo(ExitCodes.BUSY);
    assertThat(err.toString()).contains("is in use by another process");
  }
}
