package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, end to end: the story ends with every date complete and a report. */
class DemoTest {
  @TempDir Path home;

  @Test
  void endsWithFebruaryCompleteAndItsReport() throws Exception {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("demo")).isEqualTo(ExitCodes.OK);

    String report = Files.readString(home.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(Pattern.compile("class=\"point COMPLETE\"").matcher(report).results().count())
        .isEqualTo(22);
    assertThat(report).contains("0 open failures");
  }

  @Test
  void keepsAWarehouseItDidNotMake() throws Exception {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    Path warehouse = home.resolve("warehouse.duckdb");
    long size = Files.size(warehouse);
    var modified = Files.getLastModifiedTime(warehouse);
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("demo")).isEqualTo(ExitCodes.USAGE);

    assertThat(Files.size(warehouse)).isEqualTo(size);
    assertThat(Files.getLastModifiedTime(warehouse)).isEqualTo(modified);
  }
}
