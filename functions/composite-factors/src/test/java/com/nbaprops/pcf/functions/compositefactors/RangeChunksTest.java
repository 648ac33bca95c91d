package com.nbaprops.pcf.functions.compositefactors;

import static com.google.common.truth.Truth.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How a range's game dates are cut into the chunks its messages carry. */
class RangeChunksTest {
  private static List<LocalDate> days(LocalDate first, int count) {
    return Stream.iterate(first, d -> d.plusDays(1)).limit(count).toList();
  }

  @Test
  void chunksHoldAtMostTheirSizeInDateOrder() {
    List<LocalDate> february = days(LocalDate.of(2023, 2, 1), 28);

    List<LocalDate> backwards = new ArrayList<>(february);
    Collections.reverse(backwards);

    List<List<LocalDate>> chunks = RangeFanOut.chunks(backwards, 10);

    assertThat(chunks.stream().map(List::size).toList()).containsExactly(10, 10, 8).inOrder();
    assertThat(chunks.get(0).get(0)).isEqualTo(LocalDate.of(2023, 2, 1));
  }

  @Test
  void aChunkNeverSpansTwoSeasons() {
    List<LocalDate> dates =
        List.of(LocalDate.of(2023, 4, 9), LocalDate.of(2023, 10, 24), LocalDate.of(2023, 10, 25));

    assertThat(RangeFanOut.chunks(dates, 40))
        .containsExactly(
            List.of(LocalDate.of(2023, 4, 9)),
            List.of(LocalDate.of(2023, 10, 24), LocalDate.of(2023, 10, 25)))
        .inOrder();
  }

  @Test
  void aSizeOfOneKeepsAMessagePerDate() {
    assertThat(RangeFanOut.chunks(days(LocalDate.of(2023, 2, 1), 3), 1)).hasSize(3);
  }
}
