package com.nbaprops.pcf.functions.metadatatracking;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.query.CoverageCounts;
import com.nbaprops.pcf.query.Staleness;

/**
 * The reads metadata-tracking judges dates by, built once per instance (each renders its SQL) and
 * shared by the tracking, the freshness check and the landings.
 */
record TrackingReads(CoverageCounts counts, Staleness staleness) {
  static TrackingReads of(Warehouse warehouse, PipelineConfig config) {
    return new TrackingReads(
        new CoverageCounts(
            warehouse, config.catalog(), config.featureThresholds(), config.inputThresholds()),
        new Staleness(warehouse, config.catalog()));
  }
}
