package com.nbaprops.pcf.logging;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a message holds, a log entry stays one line of text, or one valid JSON object. */
class StructuredLogTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

  private String written() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rejected\n12:00:00 INFO    [function=composite-factors] all good",
        "colour \u001b[31mred\u001b[0m",
        "bell \u0007 and null \u0000",
        "carriage\rreturn",
        "line separator \u2028 too"
      })
  void aTextEntryIsOneLineWithoutControlCharacters(String hostile) {
    StructuredLog.to(StructuredLog.text(stream, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
        .with("run_id", hostile)
        .error("message " + hostile);

    String line = written();
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line.substring(0, line.length() - 1).chars().anyMatch(Character::isISOControl))
        .isFalse();
    assertThat(line).doesNotContain("\u2028");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quote \" and backslash \\",
        "newline\nsecond",
        "\u001b[2J",
        "\ud800 lone surrogate"
      })
  void aJsonEntryIsOneValidObject(String hostile) {
    StructuredLog.to(StructuredLog.jsonLines(stream)).with("run_id", hostile).error(hostile);

    String line = written();
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    var entry = JsonParser.parseString(line).getAsJsonObject();
    assertThat(entry.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(entry.getAsJsonObject("logging.googleapis.com/labels").get("run_id").getAsString())
        .isNotEmpty();
  }

  @Test
  void anErrorWithItsExceptionIsAnEntryErrorReportingGroups() {
    Exception failure =
        new IllegalStateException("cannot commit", new java.io.IOException("No space left"));

    StructuredLog.to(StructuredLog.jsonLines(stream))
        .with("function", "coverage-validation")
        .error("coverage ERROR", failure);

    String line = written();
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    var entry = JsonParser.parseString(line).getAsJsonObject();
    assertThat(entry.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(entry.get("@type").getAsString()).endsWith("ReportedErrorEvent");
    String message = entry.get("message").getAsString();
    assertThat(message)
        .startsWith("coverage ERROR\njava.lang.IllegalStateException: cannot commit");
    assertThat(message).contains("\tat com.nbaprops.pcf.logging.StructuredLogTest");
    assertThat(message).contains("Caused by: java.io.IOException: No space left");
    assertThat(entry.get("stack_trace").getAsString())
        .startsWith("java.lang.IllegalStateException");
  }

  @Test
  void aTextEntryWithAnExceptionStaysOneLine() {
    StructuredLog.to(StructuredLog.text(stream, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
        .error("cleanup failed", new IllegalStateException("boom"));

    String line = written();
    assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    assertThat(line).contains("java.lang.IllegalStateException: boom\\n\\tat ");
  }
}
