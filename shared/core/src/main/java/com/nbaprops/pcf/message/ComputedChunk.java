package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Published on {@code composite-factors-computed} after a chunk of dates was processed: each date's
 * outcome, as a {@link FactorsComputed} would give it alone, so the next function checks the chunk
 * in one go and still judges every date on its own.
 */
public record ComputedChunk(String runId, List<FactorsComputed> outcomes) {
  private static final Set<String> FIELDS = Set.of("run_id", "outcomes");

  public ComputedChunk {
    requireNonNull(runId, "runId");
    outcomes = List.copyOf(outcomes);
    if (outcomes.isEmpty()) {
      throw new InvalidMessageException("a chunk's outcomes hold at least one date");
    }
    for (FactorsComputed outcome : outcomes) {
      if (!outcome.runId().equals(runId)) {
        throw new InvalidMessageException(
            "the outcome of " + outcome.analysisDate() + " belongs to another run than its chunk");
      }
    }
  }

  /** Every date a message on the topic holds: a chunk's, or the one of a single date's. */
  public static List<FactorsComputed> in(String json) {
    return isMeant(JsonFields.parse(json))
        ? fromJson(json).outcomes()
        : List.of(FactorsComputed.fromJson(json));
  }

  /** Whether {@code fields} are a chunk's, not one date's. */
  public static boolean isMeant(JsonFields fields) {
    return fields.has("outcomes");
  }

  public List<LocalDate> dates() {
    return outcomes.stream().map(FactorsComputed::analysisDate).toList();
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("run_id", runId);
    JsonArray array = new JsonArray();
    outcomes.forEach(outcome -> array.add(JsonFields.object(outcome.toJson())));
    json.add("outcomes", array);
    return json.toString();
  }

  public static ComputedChunk fromJson(String text) {
    JsonFields fields = JsonFields.parse(text).allowOnly(FIELDS);
    return new ComputedChunk(
        fields
            .optionalRunId()
            .orElseThrow(() -> new InvalidMessageException("missing required field 'run_id'")),
        fields.requireObjects("outcomes").stream().map(FactorsComputed::fromJson).toList());
  }
}
