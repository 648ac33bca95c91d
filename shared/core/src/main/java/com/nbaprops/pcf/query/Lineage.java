package com.nbaprops.pcf.query;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.rules.SeasonCalendar;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a date's rows were computed from: for each input, the partitions the computation read and
 * their fingerprint as read ({@link InputPrints}).
 *
 * @param source the rows' player context: the upcoming context reads one partition of everything;
 *     the synthetic stand-in reads the season so far of the box scores and team box scores
 */
public record Lineage(LocalDate date, DataSource source, List<Window> windows) {

  /** The partitions of one input a computation read, and their fingerprint. */
  public record Window(String table, LocalDate first, LocalDate last, long rows, long checksum) {
    String partitions() {
      return first.equals(last) ? first.toString() : first + ".." + last;
    }
  }

  public Lineage {
    windows = List.copyOf(windows);
  }

  /**
   * The partitions whose values a computation of {@code date} from {@code source} is made of,
   * without prints. The upcoming context's dates take their players and values from it, the shot
   * zones and the zone defense of the date; the box scores only count who played, which the
   * coverage check reads again at every sweep. The synthetic stand-in's take players, rest and
   * usage from the box scores of the season so far, and pace from the team box scores before the
   * date.
   */
  static List<Window> spans(LocalDate date, DataSource source) {
    LocalDate seasonStart = SeasonCalendar.seasonStart(SeasonCalendar.seasonYear(date));
    boolean synthetic = source == DataSource.SYNTHETIC;
    List<Window> spans = new ArrayList<>();
    for (InputPrints.Input input : InputPrints.INPUTS) {
      String table = input.name();
      if (table.equals(Tables.TEAM_OFFENSE_GAME_SUMMARY.name())) {
        if (synthetic && date.isAfter(seasonStart)) {
          spans.add(new Window(table, seasonStart, date.minusDays(1), 0, 0));
        }
      } else if (table.equals(Tables.PLAYER_GAME_SUMMARY.name())) {
        if (synthetic) {
          spans.add(new Window(table, seasonStart, date, 0, 0));
        }
      } else {
        spans.add(new Window(table, date, date, 0, 0));
      }
    }
    return spans;
  }

  /**
   * What the computations of {@code dates} read, per input: the dates' own partitions of the day's
   * inputs; with {@code synthetic}, the box scores and team box scores of the season so far, and
   * only those.
   */
  public static Map<String, DateRange> reads(DateRange dates, boolean synthetic) {
    Map<String, DateRange> reads = new LinkedHashMap<>();
    for (InputPrints.Input input : InputPrints.INPUTS) {
      boolean seasonInput = SEASON_INPUTS.contains(input.name());
      if (seasonInput && synthetic) {
        reads.put(
            input.name(),
            new DateRange(
                SeasonCalendar.seasonStart(SeasonCalendar.seasonYear(dates.start())), dates.end()));
      } else if (!seasonInput && !synthetic) {
        reads.put(input.name(), dates);
      }
    }
    return reads;
  }

  /** The inputs only the synthetic stand-in's values are made of. */
  private static final Set<String> SEASON_INPUTS =
      Set.of(Tables.PLAYER_GAME_SUMMARY.name(), Tables.TEAM_OFFENSE_GAME_SUMMARY.name());

  /** Each input's span over every window of {@code lineages}: what a sweep must print. */
  public static Map<String, DateRange> covering(Iterable<Lineage> lineages) {
    Map<String, DateRange> spans = new LinkedHashMap<>();
    for (Lineage lineage : lineages) {
      for (Window window : lineage.windows()) {
        spans.merge(
            window.table(),
            new DateRange(window.first(), window.last()),
            (a, b) ->
                new DateRange(
                    a.start().isBefore(b.start()) ? a.start() : b.start(),
                    a.end().isAfter(b.end()) ? a.end() : b.end()));
      }
    }
    return spans;
  }

  /** The lineage of a computation of {@code date} from {@code source}, with {@code prints} read. */
  public static Lineage of(LocalDate date, DataSource source, InputPrints.Prints prints) {
    List<Window> windows = new ArrayList<>();
    for (Window span : spans(date, source)) {
      InputPrints.Print print = prints.window(span.table(), span.first(), span.last());
      windows.add(
          new Window(span.table(), span.first(), span.last(), print.rows(), print.checksum()));
    }
    return new Lineage(date, source, windows);
  }

  /**
   * What has changed since: one line per input whose partitions hold other values now (row counts
   * and checksums of the distinct rows; a partition written twice over is no change, nor one
   * emptied since).
   */
  public List<String> changes(InputPrints.Prints now) {
    List<String> changes = new ArrayList<>();
    for (Window read : windows) {
      InputPrints.Print current = now.window(read.table(), read.first(), read.last());
      // Emptied is not restated: the cleanup deletes the upcoming context past its TTL (backed up)
      // on purpose, and a recompute from nothing would only make the date worse. An input that is
      // missing is the coverage check's to report.
      boolean emptied = current.rows() == 0 && read.rows() > 0;
      if (!emptied && (current.rows() != read.rows() || current.checksum() != read.checksum())) {
        changes.add(
            String.format(
                Locale.ROOT,
                "%s %s restated (%,d rows when computed, %,d now%s)",
                read.table(),
                read.partitions(),
                read.rows(),
                current.rows(),
                current.rows() == read.rows() ? ", other values" : ""));
      }
    }
    return changes;
  }

  /** The inputs column: the windows as JSON. */
  public String inputsJson() {
    JsonArray array = new JsonArray();
    for (Window window : windows) {
      JsonObject json = new JsonObject();
      json.addProperty("table", window.table());
      json.addProperty("first", window.first().toString());
      json.addProperty("last", window.last().toString());
      json.addProperty("rows", window.rows());
      json.addProperty("checksum", window.checksum());
      array.add(json);
    }
    return array.toString();
  }

  /** A lineage row's inputs column read back. */
  public static Lineage fromJson(LocalDate date, DataSource source, String inputs) {
    List<Window> windows = new ArrayList<>();
    for (JsonElement element : JsonParser.parseString(inputs).getAsJsonArray()) {
      JsonObject json = element.getAsJsonObject();
      windows.add(
          new Window(
              json.get("table").getAsString(),
              LocalDate.parse(json.get("first").getAsString()),
              LocalDate.parse(json.get("last").getAsString()),
              json.get("rows").getAsLong(),
              json.get("checksum").getAsLong()));
    }
    return new Lineage(date, source, windows);
  }
}
