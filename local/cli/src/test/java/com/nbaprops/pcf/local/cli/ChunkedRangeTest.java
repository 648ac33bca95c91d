package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.bench.SeasonBench;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A range in chunks of dates: the same rows, verdicts, metadata and failures as one date per
 * message; a failed write leaves every date of its chunk as it was; a poison date fails alone.
 */
class ChunkedRangeTest {
  private static final LocalDate POISONED = LocalDate.of(2023, 2, 10);

  @TempDir Path perDateHome;
  @TempDir Path chunkedHome;

  private static LocalRuntime open(SeasonFixture stage, Path home, int chunkDays) {
    return stage.open(
        home, Map.of("RANGE_CHUNK_DAYS", Integer.toString(chunkDays)), (s, m, l) -> {});
  }

  private static int backfillFebruary(LocalRuntime local, boolean force) {
    return new Backfill(local, new PrintWriter(Writer.nullWriter()), Progress.none())
        .range(Demo.FEBRUARY, force, true);
  }

  /** What the metadata and the failures say, without who wrote them and when. */
  private static List<Row> tracked(LocalRuntime local) {
    return local.query(
        local.sql(
            "SELECT analysis_date, expected_players, actual_players, coverage_pct, status,"
                + " data_source, verdict, feature_report FROM {backfill_processing_metadata}"
                + " ORDER BY analysis_date"));
  }

  private static List<Row> failures(LocalRuntime local) {
    return local.query(
        local.sql(
            "SELECT analysis_date, processor_name, entity_id, failure_category,"
                + " resolution_status FROM {precompute_failures}"
                + " ORDER BY analysis_date, processor_name, entity_id, failure_category"));
  }

  private static long chunkMessages(LocalRuntime local) {
    return local
        .bus()
        .published(local.runtime().config().topic(Topic.COMPOSITE_FACTORS_REQUESTS))
        .stream()
        .filter(message -> message.attributes().containsKey(Attributes.ANALYSIS_DATES))
        .count();
  }

  @Test
  void februaryInChunksWritesWhatOneDatePerMessageWrites() {
    try (LocalRuntime perDate = open(SeasonFixture.INCIDENT, perDateHome, 1);
        LocalRuntime chunked = open(SeasonFixture.INCIDENT, chunkedHome, 7)) {
      // Unforced, the pre-flight stops both on the incident's dates; forced, both write.
      assertThat(backfillFebruary(chunked, false)).isEqualTo(backfillFebruary(perDate, false));
      int code = backfillFebruary(perDate, true);
      assertThat(backfillFebruary(chunked, true)).isEqualTo(code);

      assertThat(code).isEqualTo(ExitCodes.OK);
      assertThat(chunkMessages(perDate)).isEqualTo(0);
      // 22 game dates, at most 7 a message: three chunks of 7, and the last date alone.
      assertThat(chunkMessages(chunked)).isEqualTo(3);
      assertThat(SeasonBench.factorRows(chunked))
          .containsExactlyElementsIn(SeasonBench.factorRows(perDate))
          .inOrder();
      assertThat(tracked(chunked)).containsExactlyElementsIn(tracked(perDate)).inOrder();
      assertThat(failures(chunked)).containsExactlyElementsIn(failures(perDate)).inOrder();
      // The incident's dates went through the fallback in their chunk too.
      assertThat(
              chunked
                  .query(
                      chunked
                          .sql(
                              "SELECT COUNT(DISTINCT game_date) AS n FROM"
                                  + " {player_composite_factors} WHERE data_source = 'SYNTHETIC'"
                                  + " AND game_date BETWEEN @s AND @e")
                          .date("s", Demo.FEBRUARY.start())
                          .date("e", Demo.FEBRUARY.end()))
                  .get(0)
                  .int64("n"))
          .isEqualTo(2L);
    }
  }

  @Test
  void aChunkWhoseWriteDiesInsideItsTransactionLeavesEveryDateAsItWasAndIsDeadLetteredWhole() {
    // February already written: a failed rewrite must leave these rows, not fewer, not a mix.
    LocalRuntime seeded = open(SeasonFixture.FEBRUARY_BACKFILLED, chunkedHome, 30);
    List<Row> before = tracked(seeded);
    List<Map<String, Object>> rowsBefore = SeasonBench.factorRows(seeded);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (LocalRuntime local =
        SeasonFixture.over(seeded, dyingMidWrite(seeded.runtime().warehouse()), chunkedHome)) {
      code =
          new Backfill(
                  local,
                  new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                  Progress.none())
              .range(Demo.FEBRUARY, true, true);

      assertThat(local.bus().deadLetters()).hasSize(1);
      assertThat(local.bus().deadLetters().get(0).attempts())
          .isEqualTo(LocalEventBus.MAX_DELIVERY_ATTEMPTS);
      assertThat(SeasonBench.factorRows(local)).containsExactlyElementsIn(rowsBefore).inOrder();
      assertThat(tracked(local)).containsExactlyElementsIn(before).inOrder();
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(rowsBefore).isNotEmpty();
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(report).contains("22 not done");
    assertThat(report).contains("NOT DONE 2023-02-23: dead-lettered");
  }

  /**
   * {@code delegate}, except that a write of many partitions carries one more row, which the
   * warehouse refuses (a required column empty) after it has emptied the partitions and appended
   * the rows before it: the write dies inside its transaction.
   */
  private static Warehouse dyingMidWrite(Warehouse delegate) {
    return intercepting(
        delegate,
        "replacePartitions",
        args -> {
          @SuppressWarnings("unchecked")
          List<Row> rows = (List<Row>) args[1];
          Row broken = Row.builder().set("player_lookup", null).set("game_date", POISONED).build();
          return new Object[] {args[0], Stream.concat(rows.stream(), Stream.of(broken)).toList()};
        });
  }

  @Test
  void aPoisonDateIsSplitOffAndDeadLetteredAloneWhileTheRestOfItsChunkIsWritten() {
    LocalRuntime seeded = open(SeasonFixture.INCIDENT, chunkedHome, 30);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> steps = new ArrayList<>();
    Progress recorded =
        new Progress() {
          @Override
          public void step(int done, int total, String label) {
            steps.add(done + "/" + total + " " + label);
          }

          @Override
          public void finish() {}
        };
    try (LocalRuntime perDate = open(SeasonFixture.INCIDENT, perDateHome, 1);
        LocalRuntime local =
            SeasonFixture.over(seeded, poisoning(seeded.runtime().warehouse()), chunkedHome)) {
      int code =
          new Backfill(
                  local,
                  new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                  recorded)
              .range(Demo.FEBRUARY, true, true);
      backfillFebruary(perDate, true);
      // The chunk's delivery counts its 22 dates; its dates delivered again alone count nothing
      // more; validation and tracking count the 21 written: never past the 66 the bar expects.
      assertThat(steps).hasSize(22 + 2 * 21);
      assertThat(steps.get(steps.size() - 1)).startsWith("64/66 ");

      assertThat(code).isEqualTo(ExitCodes.PROBLEM);
      assertThat(local.bus().deadLetters()).hasSize(1);
      assertThat(local.bus().deadLetters().get(0).message().attributes())
          .containsEntry(Attributes.ANALYSIS_DATE, POISONED.toString());
      assertThat(SeasonBench.factorRows(local).stream().map(row -> row.get("game_date")).toList())
          .doesNotContain(POISONED);
      assertThat(SeasonBench.factorRows(local))
          .containsExactlyElementsIn(
              SeasonBench.factorRows(perDate).stream()
                  .filter(row -> !POISONED.equals(row.get("game_date")))
                  .toList())
          .inOrder();
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("1 not done");
    assertThat(report).contains("NOT DONE " + POISONED + ": dead-lettered");
  }

  /**
   * {@code delegate}, except that every read of {@link #POISONED}'s upcoming context hands back a
   * row without its game: rows no rule can read, as a broken upstream write would leave them.
   */
  private static Warehouse poisoning(Warehouse delegate) {
    return returning(
        delegate,
        "query",
        result -> {
          @SuppressWarnings("unchecked")
          List<Row> rows = (List<Row>) result;
          return rows.stream().map(ChunkedRangeTest::poisoned).toList();
        });
  }

  /** {@code delegate}, with the arguments of every call of {@code method} changed first. */
  private static Warehouse intercepting(
      Warehouse delegate, String method, UnaryOperator<Object[]> arguments) {
    return proxy(
        delegate,
        (name, args) -> name.equals(method) ? arguments.apply(args) : args,
        UnaryOperator.identity(),
        method);
  }

  /** {@code delegate}, with the results of every call of {@code method} changed. */
  private static Warehouse returning(
      Warehouse delegate, String method, UnaryOperator<Object> result) {
    return proxy(delegate, (name, args) -> args, result, method);
  }

  private static Warehouse proxy(
      Warehouse delegate,
      BiFunction<String, Object[], Object[]> arguments,
      UnaryOperator<Object> result,
      String method) {
    return (Warehouse)
        Proxy.newProxyInstance(
            Warehouse.class.getClassLoader(),
            new Class<?>[] {Warehouse.class},
            (proxy, called, args) -> {
              boolean chosen = called.getName().equals(method);
              try {
                Object value =
                    called.invoke(
                        delegate, chosen ? arguments.apply(called.getName(), args) : args);
                return chosen ? result.apply(value) : value;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static Row poisoned(Row row) {
    Map<String, Object> values = row.values();
    if (!POISONED.equals(values.get("input_date"))
        || !Objects.equals(values.get("player_source"), "UPCG")) {
      return row;
    }
    Row.Builder copy = Row.builder();
    values.forEach((column, value) -> copy.set(column, column.equals("game_id") ? null : value));
    return copy.build();
  }
}
