package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Text a message or the warehouse holds reaches the operator's terminal escaped. */
@Isolated // swaps System.out, which every class running beside it would write to
class TerminalSafetyTest {
  private static final String HOSTILE = "{\"zz\u001b[2J\u001b[31m\u0007\":1}";

  @TempDir Path home;

  /** What the CLI printed on standard output for {@code args}. */
  private String output(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
      cli.setErr(new PrintWriter(new StringWriter()));
      cli.execute(args);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRejectedMessageIsShownWithItsControlCharactersEscaped() {
    String shown =
        output("--today", "2023-03-10", "publish", "composite-factors-requests", HOSTILE);

    assertThat(shown).contains("REJECTED");
    assertThat(shown).contains("\\u001b[2J");
    assertThat(shown).doesNotContain("\u001b");
    assertThat(shown).doesNotContain("\u0007");
  }
}
