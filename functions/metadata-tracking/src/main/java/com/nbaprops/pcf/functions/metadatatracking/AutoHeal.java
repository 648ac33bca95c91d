package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;

/**
 * The sweep's requests to reprocess a date (AUTO_HEAL): a date still INCOMPLETE or STALE, or one
 * computed from the synthetic stand-in once its upcoming context covers it again; at most once a
 * day each.
 */
record AutoHeal(
    boolean enabled,
    Warehouse warehouse,
    DateRequests requests,
    LeagueClock clock,
    StructuredLog log,
    String healRequests) {
  private static final String HEAL_ENTITY = "AUTO_HEAL";

  /**
   * @param enabled AUTO_HEAL: when false, no request is ever made
   */
  static AutoHeal of(
      boolean enabled,
      Warehouse warehouse,
      Catalog catalog,
      DateRequests requests,
      LeagueClock clock,
      StructuredLog log) {
    // The failures' lookup of a heal requested today.
    String healRequests =
        catalog
            .template(
                "SELECT COUNT(*) AS requests FROM {precompute_failures}"
                    + " WHERE analysis_date = @analysis_date AND entity_id = @entity_id"
                    + " AND failure_category = @category AND created_at >= @since")
            .render();
    return new AutoHeal(enabled, warehouse, requests, clock, log, healRequests);
  }

  /** Requests the date's reprocessing when its {@code status} and counts call for it. */
  void considerRequest(
      LocalDate date, String runId, CoverageStatus status, CoverageCounts.Snapshot now) {
    if (!enabled) {
      return;
    }
    if (status == CoverageStatus.INCOMPLETE) {
      request(date, runId, "still INCOMPLETE");
    } else if (status == CoverageStatus.STALE) {
      request(date, runId, "computed from inputs restated since");
    } else if (status == CoverageStatus.COMPLETE && stopGapReplaceable(now)) {
      request(
          date,
          runId,
          "computed from a synthetic context while the upcoming context now has "
              + now.upcomingPlayed()
              + " of "
              + now.expected()
              + " players");
    }
  }

  /**
   * Whether the date's rows came from the synthetic stand-in while the upcoming context now has
   * every player who played: its writer was re-run after a crash left it partial. The synthetic
   * context lacks what only the upcoming one knows (projected usage, teammates out), so the date is
   * recomputed from the real one. A context short of even one player is left alone: the rerun would
   * cover fewer players than the stand-in and be refused, every day. A context the cleanup has
   * deleted never qualifies.
   */
  private static boolean stopGapReplaceable(CoverageCounts.Snapshot now) {
    return now.written().dataSource() == DataSource.SYNTHETIC
        && now.expected() > 0
        && now.upcomingPlayed() >= now.expected();
  }

  /**
   * Asks composite-factors to reprocess {@code date} in backfill mode, at most once a day: a date
   * still INCOMPLETE after that is left to an operator, with the alert the sweep raises anyway.
   */
  private void request(LocalDate date, String runId, String why) {
    StructuredLog log = log().with("run_id", runId).with("analysis_date", date);
    if (requestedToday(date)) {
      log.warning("auto-heal: already requested today and " + why + "; left to an operator");
      return;
    }
    requests.request(
        date,
        runId,
        HEAL_ENTITY,
        FailureCategory.AUTO_HEAL_REQUESTED,
        date
            + ": the daily sweep requested its reprocessing on "
            + clock.today()
            + " (AUTO_HEAL): "
            + why,
        clock.today().toString());
    log.info("auto-heal: requested the reprocessing of " + date + ": " + why);
  }

  private boolean requestedToday(LocalDate date) {
    return warehouse
            .query(
                Sql.of(healRequests)
                    .date("analysis_date", date)
                    .string("entity_id", HEAL_ENTITY)
                    .string("category", FailureCategory.AUTO_HEAL_REQUESTED.name())
                    .timestamp("since", clock.startOfToday()))
            .get(0)
            .int64("requests")
        > 0;
  }
}
