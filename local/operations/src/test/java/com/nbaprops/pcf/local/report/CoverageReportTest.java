package com.nbaprops.pcf.local.report;

import static com.google.common.truth.Truth.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
  static final List<CoverageReport.DateRow> DATES =
      List.of(
          new CoverageReport.DateRow(
              LocalDate.of(2023, 2, 22), 150, 150, 100, "COMPLETE", "UPCG", "PASS"),
          new CoverageReport.DateRow(
              LocalDate.of(2023, 2, 23), 187, 1, 0.53, "INCOMPLETE", "UPCG", "FAIL"),
          new CoverageReport.DateRow(
              LocalDate.of(2023, 2, 24), 175, 175, 100, "COMPLETE", "SYNTHETIC", "SKIPPED"));

  static CoverageReport report() {
    return new CoverageReport(
        "February",
        DATES,
        List.of(
            new CoverageReport.Failure(
                LocalDate.of(2023, 2, 23),
                "metadata-tracking",
                "INCOMPLETE_COVERAGE",
                "only 1 of 187 <script>alert(1)</script>")),
        List.of(
            new CoverageReport.Cleanup(
                Instant.parse("2023-03-10T09:00:00Z"),
                "SUCCEEDED",
                false,
                LocalDate.of(2023, 3, 3),
                7,
                7)),
        90,
        95,
        "composite-factors-requests");
  }

  @Test
  void hasOnePointPerDateColouredByStatus() {
    String html = report().html();

    assertThat(Pattern.compile("<circle class=\"point ").matcher(html).results().count())
        .isEqualTo(3);
    assertThat(html).contains("class=\"point INCOMPLETE\" data-date=\"2023-02-23\"");
  }

  @Test
  void theThresholdLabelsStandClearOfEveryPoint() {
    String html = report().html();
    double rightmostPoint =
        java.util.regex.Pattern.compile("<circle [^>]*cx=\"([0-9.]+)\"")
            .matcher(html)
            .results()
            .mapToDouble(m -> Double.parseDouble(m.group(1)))
            .max()
            .orElseThrow();
    java.util.regex.Matcher label =
        java.util.regex.Pattern.compile("<text x=\"([0-9.]+)\"[^>]*>(fail|warn) ").matcher(html);

    int labels = 0;
    while (label.find()) {
      labels++;
      assertThat(Double.parseDouble(label.group(1))).isGreaterThan(rightmostPoint + 5);
    }
    assertThat(labels).isEqualTo(2);
  }

  @Test
  void namesTheDatesToRerunWithTheirCommands() {
    String html = report().html();

    assertThat(html).contains("<code>./pipeline reprocess 2023-02-23</code>");
    assertThat(html).contains("./pipeline heal 2023-02-23 2023-02-23");
    assertThat(html).doesNotContain("./pipeline reprocess 2023-02-22");
  }

  @Test
  void escapesWhatTheWarehouseHolds() {
    String html = report().html();

    assertThat(html).doesNotContain("<script>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void loadsNothingFromElsewhere() {
    String html = report().html().replace("xmlns=\"http://www.w3.org/2000/svg\"", "");

    assertThat(html).doesNotContain("http");
    assertThat(html).doesNotContain("src=");
    assertThat(html).doesNotContain("<link");
    assertThat(html).doesNotContain("<script");
  }
}
