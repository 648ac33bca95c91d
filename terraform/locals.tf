# The facts the code and the infrastructure must agree on, in one place. The contract test
# (local/src/test/.../TerraformContractTest) reads this file and fails when it disagrees with the code.
locals {
  # Every topic of the chain (before the prefix).
  topics = [
    "upcoming-tables-cleanup-trigger",
    "upcoming-tables-cleaned",
    "composite-factors-requests",
    "composite-factors-computed",
    "coverage-validated",
    "metadata-tracking-trigger",
  ]

  # One entry per function: its entry point, the topics that trigger it, the topics it publishes to, and what it
  # may read and write.
  functions = {
    "composite-factors" = {
      entry_point    = "com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction"
      triggers       = ["composite-factors-requests"]
      publishes      = ["composite-factors-requests", "composite-factors-computed"]
      reads_datasets = ["analytics"]
      edits_datasets = ["precompute", "orchestration"]
    }
    "coverage-validation" = {
      entry_point    = "com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction"
      triggers       = ["composite-factors-computed"]
      publishes      = ["coverage-validated"]
      reads_datasets = ["analytics", "precompute"]
      edits_datasets = ["orchestration"]
    }
    "metadata-tracking" = {
      entry_point    = "com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction"
      triggers       = ["coverage-validated", "metadata-tracking-trigger"]
      publishes      = ["composite-factors-requests"]
      reads_datasets = ["analytics", "precompute"]
      edits_datasets = ["orchestration"]
    }
    "upcoming-tables-cleanup" = {
      entry_point    = "com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction"
      triggers       = ["upcoming-tables-cleanup-trigger"]
      publishes      = ["upcoming-tables-cleaned"]
      reads_datasets = []
      edits_datasets = ["orchestration"]
    }
  }

  # The tables this suite writes and owns, with the layout of their shared definitions (shared/.../Tables.java);
  # their schemas are in schemas/<name>.json, generated from the same definitions.
  tables = {
    "player_composite_factors" = {
      dataset                  = "precompute"
      partition_field          = "game_date"
      require_partition_filter = true
      clustering               = ["player_lookup", "game_date"]
    }
    "precompute_failures" = {
      dataset                  = "orchestration"
      partition_field          = "analysis_date"
      require_partition_filter = false
      clustering               = ["processor_name", "failure_category"]
    }
    "backfill_processing_metadata" = {
      dataset                  = "orchestration"
      partition_field          = "analysis_date"
      require_partition_filter = false
      clustering               = []
    }
    "cleanup_operations" = {
      dataset                  = "orchestration"
      partition_field          = "cleanup_date"
      require_partition_filter = false
      clustering               = ["cleanup_type", "status"]
    }
  }

  # The upstream tables the cleanup deletes stale rows from (it may edit these two tables and nothing else upstream).
  upcoming_tables = ["upcoming_player_game_context", "upcoming_team_game_context"]

  datasets = {
    analytics     = var.analytics_dataset
    precompute    = var.precompute_dataset
    orchestration = var.orchestration_dataset
  }

  # Every variable the code reads (PipelineConfig.VARIABLES), set on every function.
  function_environment = {
    PROJECT_ID             = var.project_id
    ANALYTICS_DATASET      = var.analytics_dataset
    PRECOMPUTE_DATASET     = var.precompute_dataset
    ORCHESTRATION_DATASET  = var.orchestration_dataset
    TOPIC_PREFIX           = var.topic_prefix
    FALLBACK_THRESHOLD_PCT = tostring(var.coverage.fallback_threshold_pct)
    COVERAGE_FAIL_PCT      = tostring(var.coverage.fail_pct)
    COVERAGE_WARN_PCT      = tostring(var.coverage.warn_pct)
    BOOTSTRAP_DAYS         = tostring(var.coverage.bootstrap_days)
    MAX_RANGE_DAYS         = tostring(var.coverage.max_range_days)
    LEAGUE_TIME_ZONE       = var.schedule_time_zone
    WAREHOUSE              = "bigquery:${var.project_id}"
    BUS                    = "pubsub:${var.project_id}"
    BLOBS                  = "gcs:${google_storage_bucket.backups.name}"
    FEATURE_THRESHOLDS     = var.coverage.feature_thresholds
    INPUT_THRESHOLDS       = var.coverage.input_thresholds
    CLEANUP_TTL_DAYS       = tostring(var.cleanup_ttl_days)
    LARGE_DELETION_ROWS    = tostring(var.large_deletion_rows)
    AUTO_HEAL              = tostring(var.auto_heal)
  }

  # A function's first trigger is its own event trigger (functions.tf); each further one is an Eventarc trigger to
  # the same service (triggers.tf).
  extra_triggers = merge([
    for name, function in local.functions : {
      for topic in slice(function.triggers, 1, length(function.triggers)) : "${name}--${topic}" => {
        function = name
        topic    = topic
      }
    }
  ]...)

  # Each (function, topic it publishes to) pair is one publisher grant.
  publications = merge([
    for name, function in local.functions : {
      for topic in function.publishes : "${name}--${topic}" => { function = name, topic = topic }
    }
  ]...)

  dataset_readers = merge([
    for name, function in local.functions : {
      for dataset in function.reads_datasets : "${name}--${dataset}" => { function = name, dataset = dataset }
    }
  ]...)

  dataset_editors = merge([
    for name, function in local.functions : {
      for dataset in function.edits_datasets : "${name}--${dataset}" => { function = name, dataset = dataset }
    }
  ]...)

  labels = {
    app        = "player-composite-factors"
    managed-by = "terraform"
  }
}
