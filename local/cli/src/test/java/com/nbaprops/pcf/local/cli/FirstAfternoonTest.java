package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** What a first user meets in an afternoon with the README: said in plain, right words. */
@Isolated // swaps System.out, which every class running beside it would write to
class FirstAfternoonTest {
  @TempDir Path home;

  /** Runs the CLI over a copy of the seeded season; returns what it printed. */
  private String cli(String... args) {
    SeasonFixture.SEASON.open(home).close();
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter help = new StringWriter();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
      cli.setErr(new PrintWriter(new StringWriter()));
      cli.setOut(new PrintWriter(help, true));
      cli.execute(args);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8) + help;
  }

  @Test
  void oneReprocessedDateIsOneDateAsked() {
    String out = cli("--today", "2023-03-10", "reprocess", "2023-02-25");

    assertThat(out).contains("1 date asked");
    assertThat(out).doesNotContain("1 dates");
  }

  @Test
  void trackingOutsideTheSeasonSaysThereWasNoGameDate() {
    String out = cli("--today", "2023-07-20", "track", "--days", "7");

    assertThat(out).contains("no game date between 2023-07-13 and 2023-07-19");
  }

  @Test
  void aFallbackThatWorksIsAWarningNeverAnError() {
    List<String> logged = new ArrayList<>();
    try (LocalRuntime local =
        SeasonFixture.INCIDENT.open(
            home, (severity, message, labels) -> logged.add(severity + " " + message))) {
      LocalDate incident = LocalDate.of(2023, 2, 23);
      local
          .runtime()
          .publisher()
          .publish(
              Topic.COMPOSITE_FACTORS_REQUESTS,
              DateRequest.backfill(incident, "fallback").toJson(),
              Attributes.of("fallback", incident));
    }

    List<String> fallbacks = logged.stream().filter(l -> l.contains("falling back")).toList();
    assertThat(fallbacks).isNotEmpty();
    assertThat(fallbacks.stream().map(l -> l.substring(0, l.indexOf(' '))).distinct().toList())
        .containsExactly(Severity.WARNING.name());
    assertThat(logged.stream().filter(l -> l.startsWith(Severity.ERROR.name())).toList()).isEmpty();
  }

  @Test
  void everyLineOfServesHelpIsAWholeSentence() {
    String help = cli("serve", "--help").replaceAll("\\s+", " "); // picocli wraps at 80

    assertThat(help).contains("Stop with Ctrl-C.");
    assertThat(help).contains("the next function over HTTP.");
  }
}
