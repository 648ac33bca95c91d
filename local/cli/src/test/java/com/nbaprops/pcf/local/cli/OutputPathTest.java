package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a command writes is checked before its work: bad usage, with what is wrong. */
class OutputPathTest {
  @TempDir Path home;
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void aRehearsalIntoAMissingFolderIsRefusedBeforeItRuns() {
    Path missing = home.resolve("no-such-folder").resolve("x.html");

    assertThat(run("rehearse", "--out", missing.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("there is no folder " + missing.getParent());
    assertThat(out.toString()).doesNotContain("rehearsed");
  }

  @Test
  void aRehearsalsJsonIntoAFolderIsRefusedSayingItIsAFolder() {
    assertThat(run("rehearse", "--json", home.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--json " + home + ": cannot write there: it is a folder");
  }

  @Test
  void aReportIntoAMissingFolderIsRefusedWithTheReason() {
    Path missing = home.resolve("nonexistent").resolve("r.html");

    assertThat(run("report", "--out", missing.toString())).isEqualTo(ExitCodes.USAGE);
    String line = err.toString().strip();
    assertThat(line).contains("--out " + missing + ": cannot write there: there is no folder");
    assertThat(line.length()).isAtMost(300);
  }
}
