package com.nbaprops.pcf.functions.compositefactors;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.Staleness;
import com.nbaprops.pcf.rules.CoverageStatus;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;

/**
 * Whether a date is COMPLETE with its current inputs: its metadata row says COMPLETE and its latest
 * lineage matches the inputs as they are now. One query for a date that is not COMPLETE, three for
 * one that is: far less than computing it again.
 */
final class UpToDate {
  private final Warehouse warehouse;
  private final Staleness staleness;
  private final String status;

  UpToDate(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.staleness = new Staleness(warehouse, catalog);
    this.status =
        catalog
            .template(
                "SELECT status FROM {backfill_processing_metadata}"
                    + " WHERE analysis_date = @analysis_date")
            .render();
  }

  boolean holds(LocalDate date) {
    boolean complete =
        warehouse.query(Sql.of(status).date("analysis_date", date)).stream()
            .anyMatch(row -> CoverageStatus.COMPLETE.name().equals(row.string("status")));
    if (!complete) {
      return false;
    }
    Staleness.Check check = staleness.check(new DateRange(date, date)).get(date);
    return check != null && !check.stale();
  }
}
