package com.nbaprops.pcf.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.rules.CoverageGate.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkMessagesTest {
  private static final LocalDate FEB_1 = LocalDate.of(2023, 2, 1);
  private static final LocalDate FEB_3 = LocalDate.of(2023, 2, 3);

  private static FactorsComputed computed(String runId, LocalDate date) {
    return new FactorsComputed(
        runId, date, FactorsComputed.Status.COMPUTED, DataSource.UPCG, 171, 171, 171, true, false);
  }

  @Test
  void aChunkOfOutcomesReadsBackAsWritten() {
    DateChunk<FactorsComputed> chunk =
        DateChunk.OUTCOMES.of("r", List.of(computed("r", FEB_1), computed("r", FEB_3)));

    assertThat(DateChunk.OUTCOMES.fromJson(chunk.toJson())).isEqualTo(chunk);
    assertThat(DateChunk.OUTCOMES.in(chunk.toJson())).isEqualTo(chunk.items());
    assertThat(chunk.dates()).containsExactly(FEB_1, FEB_3).inOrder();
  }

  @Test
  void aSingleDatesMessageIsReadAsOneOutcome() {
    assertThat(DateChunk.OUTCOMES.in(computed("r", FEB_1).toJson()))
        .containsExactly(computed("r", FEB_1));
  }

  @Test
  void anOutcomeOfAnotherRunIsRefused() {
    String json = DateChunk.OUTCOMES.of("r", List.of(computed("r", FEB_1))).toJson();
    String forged = json.replace("\"run_id\":\"r\",\"outcomes\"", "\"run_id\":\"s\",\"outcomes\"");

    assertThat(
            assertThrows(InvalidMessageException.class, () -> DateChunk.OUTCOMES.fromJson(forged)))
        .hasMessageThat()
        .contains("another run");
  }

  @Test
  void aChunkOfVerdictsReadsBackAsWritten() {
    CoverageValidated verdict =
        new CoverageValidated("r", FEB_1, Verdict.PASS, 171, 171, DataSource.UPCG, null, "ok");
    DateChunk<CoverageValidated> chunk = DateChunk.VERDICTS.of("r", List.of(verdict));

    assertThat(DateChunk.VERDICTS.fromJson(chunk.toJson())).isEqualTo(chunk);
    assertThat(DateChunk.VERDICTS.in(verdict.toJson())).containsExactly(verdict);
  }

  /** Pub/Sub refuses an attribute value over 1,024 bytes: the largest chunk's dates fit. */
  @Test
  void theLargestChunksDatesFitInOnePubSubAttribute() {
    List<LocalDate> dates =
        java.util.stream.Stream.iterate(FEB_1, date -> date.plusDays(1))
            .limit(ChunkRequest.MAX_DATES)
            .toList();

    String value = Attributes.ofChunk("r", dates).get(Attributes.ANALYSIS_DATES);

    assertThat(value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isAtMost(1024);
  }

  @Test
  void aChunksAttributesNameItsDates() {
    Map<String, String> attributes = Attributes.ofChunk("r", List.of(FEB_1, FEB_3));

    assertThat(Attributes.dates(attributes)).containsExactly(FEB_1, FEB_3).inOrder();
    assertThat(Attributes.dates(Attributes.of("r", FEB_1))).containsExactly(FEB_1);
    assertThat(Attributes.dates(Attributes.of("r", null))).isEmpty();
  }
}
