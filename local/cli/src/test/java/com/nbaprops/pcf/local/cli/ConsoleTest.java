package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonParser;
import com.nbaprops.pcf.logging.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final Clock clock = Clock.fixed(Instant.parse("2023-03-10T17:00:00Z"), ZoneOffset.UTC);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inAPipeProgressIsPlainLinesWithoutCarriageReturns() {
    Console console = new Console(err, false, clock);

    console.step(1, 2, "2023-02-01");
    console.step(2, 2, "2023-02-02");
    console.finish();

    assertThat(written()).doesNotContain("\r");
    assertThat(written().lines())
        .containsExactly(
            "[###############---------------] 1/2 2023-02-01",
            "[##############################] 2/2 2023-02-02");
  }

  @Test
  void onATerminalALogLineGoesAboveTheBarWhichIsRedrawnBelow() {
    Console console = new Console(err, true, clock);

    console.step(1, 2, "2023-02-01");
    console.line("a log line");
    console.finish();

    String bar = "[###############---------------] 1/2 2023-02-01";
    assertThat(written())
        .isEqualTo(bar + "\r" + " ".repeat(bar.length()) + "\r" + "a log line\n" + bar + "\n");
  }

  @Test
  void aRepeatedWarningIsPrintedOnceThenSummedUp() {
    Console console = new Console(err, false, clock);
    var sink = console.textSink(false);

    for (int players = 100; players < 122; players++) {
      sink.write(
          Severity.WARNING,
          "coverage validation BYPASSED (force): " + players + " of " + players + " players",
          Map.of("function", "coverage-validation"));
    }
    console.finish();

    assertThat(written().lines().filter(l -> l.contains("BYPASSED")).count()).isEqualTo(2);
    assertThat(written()).contains("came 22 times in all");
  }

  @Test
  void jsonLogsAreCloudLoggingLinesOfEverySeverity() {
    Console console = new Console(err, false, clock);

    console.jsonSink().write(Severity.INFO, "wrote 187 players", Map.of("run_id", "r1"));

    var entry = JsonParser.parseString(written().strip()).getAsJsonObject();
    assertThat(entry.get("severity").getAsString()).isEqualTo("INFO");
    assertThat(entry.getAsJsonObject("logging.googleapis.com/labels").get("run_id").getAsString())
        .isEqualTo("r1");
  }
}
