package com.nbaprops.pcf.message;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import java.time.LocalDate;

/** Compute the composite factors of one date. */
public record DateRequest(LocalDate analysisDate, boolean backfillMode, boolean force, String runId)
    implements AnalysisRequest {
  public DateRequest {
    requireNonNull(analysisDate, "analysisDate");
    requireNonNull(runId, "runId");
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("analysis_date", analysisDate.toString());
    json.addProperty("backfill_mode", backfillMode);
    json.addProperty("force", force);
    json.addProperty("run_id", runId);
    return json.toString();
  }
}
