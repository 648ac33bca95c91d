package com.nbaprops.pcf.local.rehearsal;

import static com.google.common.truth.Truth.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline is one page with nothing to run, and what an incident carries is only text. */
class RehearsalTimelineTest {
  private static final LocalDate DAY = LocalDate.of(2023, 1, 29);

  private static RehearsalResult resultWith(Incident incident) {
    return new RehearsalResult(
        7,
        true,
        LocalDate.of(2022, 10, 18),
        LocalDate.of(2023, 4, 9),
        List.of(incident),
        List.of(),
        Map.of(DAY, "COMPLETE"),
        List.of(),
        Map.of());
  }

  @Test
  void aMessageInAnIncidentIsShownAsTextNeverAsMarkup() {
    Instant at = Instant.parse("2023-01-29T15:45:00Z");
    Incident malformed =
        new Incident(IncidentKind.MALFORMED_MESSAGE, DAY, at, "<script>alert(1)</script>{\"a\":1}");
    malformed.detectedBy(new Signal(at, Signal.Source.FAILURE_ROW, DAY, "INVALID_MESSAGE <b>"));
    malformed.healed(at, "nothing to heal");

    String html = new RehearsalTimeline(new RehearsalOutput(resultWith(malformed))).html();

    assertThat(html).doesNotContain("<script>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;{&quot;a&quot;:1}");
    assertThat(html).contains("INVALID_MESSAGE &lt;b&gt;");
    assertThat(html).contains("Passed");
  }

  @Test
  void anIncidentNeverHealedFailsThePageAndSaysWhich() {
    Incident outage =
        new Incident(
            IncidentKind.WAREHOUSE_OUTAGE,
            DAY,
            Instant.parse("2023-01-30T10:05:00Z"),
            "05:05-07:05");

    String html = new RehearsalTimeline(new RehearsalOutput(resultWith(outage))).html();

    assertThat(html).contains("Failed");
    assertThat(html).contains("warehouse_outage on 2023-01-29 was never detected");
    assertThat(html).contains("warehouse_outage on 2023-01-29 was never healed");
  }
}
