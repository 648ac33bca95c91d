package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.domain.DataSource;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Published on {@code composite-factors-computed} after a date was processed (or deliberately not).
 *
 * @param dataSource UPCG or SYNTHETIC; null when nothing was computed
 */
public record FactorsComputed(
    String runId,
    LocalDate analysisDate,
    Status status,
    DataSource dataSource,
    int upcomingPlayers,
    int expectedPlayers,
    int playersWritten,
    boolean backfillMode,
    boolean force)
    implements DateChunk.Item {

  /** What happened to the date. */
  public enum Status {
    /** Rows were computed and the date's rows replaced. */
    COMPUTED,
    /** A bootstrap day of the season: nothing is computed on purpose. */
    SKIPPED_BOOTSTRAP,
    /** No player context to compute from; the date's existing rows were left as they were. */
    NO_INPUT,
    /**
     * Computed, but not written: the rows would have left the date worse than its stored ones
     * (fewer players, hollower rows), so the stored rows were kept. Force replaces them.
     */
    KEPT_STORED
  }

  private static final Set<String> FIELDS =
      Set.of(
          "run_id",
          "analysis_date",
          "status",
          "data_source",
          "upcoming_players",
          "expected_players",
          "players_written",
          "backfill_mode",
          "force");

  public FactorsComputed {
    requireNonNull(runId, "runId");
    requireNonNull(analysisDate, "analysisDate");
    requireNonNull(status, "status");
  }

  public String toJson() {
    return toJsonObject().toString();
  }

  @Override
  public JsonObject toJsonObject() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    json.addProperty("analysis_date", analysisDate.toString());
    json.addProperty("status", status.name());
    json.addProperty("data_source", dataSource == null ? null : dataSource.name());
    json.addProperty("upcoming_players", upcomingPlayers);
    json.addProperty("expected_players", expectedPlayers);
    json.addProperty("players_written", playersWritten);
    json.addProperty("backfill_mode", backfillMode);
    json.addProperty("force", force);
    return json;
  }

  public static FactorsComputed fromJson(String text) {
    return from(JsonFields.parse(text));
  }

  /** The message {@code fields} hold (parsed once by whoever received them). */
  public static FactorsComputed from(JsonFields fields) {
    fields.allowOnly(FIELDS);
    return new FactorsComputed(
        fields.requireRunId(),
        fields.requireDate("analysis_date"),
        fields.requireEnum("status", Status.class),
        fields.optionalEnum("data_source", DataSource.class).orElse(null),
        fields.optionalCount("upcoming_players"),
        fields.optionalCount("expected_players"),
        fields.optionalCount("players_written"),
        fields.optionalBoolean("backfill_mode", false),
        fields.optionalBoolean("force", false));
  }

  public Optional<DataSource> source() {
    return Optional.ofNullable(dataSource);
  }
}
