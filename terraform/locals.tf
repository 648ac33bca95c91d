# The facts the code and the infrastructure must agree on, in one place. The contract test
# (local/cli/src/test/.../TerraformContractTest) reads this file and fails when it disagrees with the code.
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

  # One entry per function: its entry point, the topics that trigger it, the topics it publishes to, the tables it
  # reads and the tables it writes (granted per table, iam.tf), and the short name of its service account.
  functions = {
    "composite-factors" = {
      entry_point = "com.nbaprops.pcf.functions.compositefactors.CompositeFactorsFunction"
      account     = "factors"
      triggers    = ["composite-factors-requests"]
      publishes   = ["composite-factors-requests", "composite-factors-computed"]
      reads_tables = [
        "nba_schedule", "player_game_summary", "team_offense_game_summary", "upcoming_team_game_context", "upcoming_player_game_context",
        "player_shot_zone_analysis", "team_defense_zone_analysis",
      ]
      edits_tables = ["player_composite_factors", "input_lineage", "precompute_failures"]
    }
    "coverage-validation" = {
      entry_point = "com.nbaprops.pcf.functions.coveragevalidation.CoverageValidationFunction"
      account     = "coverage"
      triggers    = ["composite-factors-computed"]
      publishes   = ["coverage-validated"]
      reads_tables = [
        "nba_schedule", "player_game_summary", "team_offense_game_summary", "upcoming_team_game_context", "upcoming_player_game_context",
        "player_shot_zone_analysis", "team_defense_zone_analysis", "player_composite_factors",
      ]
      edits_tables = ["precompute_failures"]
    }
    "metadata-tracking" = {
      entry_point = "com.nbaprops.pcf.functions.metadatatracking.MetadataTrackingFunction"
      account     = "metadata"
      triggers    = ["coverage-validated", "metadata-tracking-trigger"]
      # Only with auto_heal or recompute_on_landing does it ask composite-factors for anything (publications, below).
      publishes = ["composite-factors-requests"]
      reads_tables = [
        "nba_schedule", "player_game_summary", "team_offense_game_summary", "upcoming_team_game_context", "upcoming_player_game_context",
        "player_shot_zone_analysis", "team_defense_zone_analysis", "player_composite_factors", "input_lineage",
      ]
      edits_tables = ["backfill_processing_metadata", "precompute_failures"]
    }
    "upcoming-tables-cleanup" = {
      entry_point  = "com.nbaprops.pcf.functions.upcomingtablescleanup.UpcomingTablesCleanupFunction"
      account      = "cleanup"
      triggers     = ["upcoming-tables-cleanup-trigger"]
      publishes    = ["upcoming-tables-cleaned"]
      reads_tables = []
      edits_tables = ["upcoming_player_game_context", "upcoming_team_game_context", "cleanup_operations", "precompute_failures"]
    }
  }

  # Which dataset each table the functions touch is in (the shared definitions in Tables.java say the same).
  table_datasets = {
    nba_schedule                 = "analytics"
    player_game_summary          = "analytics"
    team_offense_game_summary    = "analytics"
    upcoming_player_game_context = "analytics"
    upcoming_team_game_context   = "analytics"
    player_shot_zone_analysis    = "precompute"
    team_defense_zone_analysis   = "precompute"
    player_composite_factors     = "precompute"
    precompute_failures          = "orchestration"
    backfill_processing_metadata = "orchestration"
    input_lineage                = "orchestration"
    cleanup_operations           = "orchestration"
  }

  # Every name that must be unique in a project starts with the environment's prefix: "pcf-" and topic_prefix for
  # service accounts (at most 30 characters: variables.tf bounds the prefix), topic_prefix for the rest.
  name_prefix = "pcf-${var.topic_prefix}"

  # The bootstrap's custom role of every table a function edits: its rows, never the table (terraform/bootstrap).
  table_rows_role = "projects/${var.project_id}/roles/pcfTableRows"

  # Where Cloud Functions stages a region's sources for the builds.
  function_sources_bucket = "gcf-v2-sources-${data.google_project.this.number}-${var.region}"

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
    "input_lineage" = {
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

  datasets = {
    analytics     = var.analytics_dataset
    precompute    = var.precompute_dataset
    orchestration = var.orchestration_dataset
  }

  # Every variable the code reads (PipelineConfig.VARIABLES), set on every function.
  function_environment = {
    PROJECT_ID              = var.project_id
    ANALYTICS_DATASET       = var.analytics_dataset
    PRECOMPUTE_DATASET      = var.precompute_dataset
    ORCHESTRATION_DATASET   = var.orchestration_dataset
    STAGING_DATASET         = var.staging_dataset
    TOPIC_PREFIX            = var.topic_prefix
    FALLBACK_THRESHOLD_PCT  = tostring(var.coverage.fallback_threshold_pct)
    COVERAGE_FAIL_PCT       = tostring(var.coverage.fail_pct)
    COVERAGE_WARN_PCT       = tostring(var.coverage.warn_pct)
    BOOTSTRAP_DAYS          = tostring(var.coverage.bootstrap_days)
    MAX_RANGE_DAYS          = tostring(var.coverage.max_range_days)
    RANGE_CHUNK_DAYS        = tostring(var.range_chunk_days)
    LEAGUE_TIME_ZONE        = var.schedule_time_zone
    WAREHOUSE               = "bigquery:${var.project_id}"
    BUS                     = "pubsub:${var.project_id}"
    BLOBS                   = "gcs:${google_storage_bucket.backups.name}"
    FEATURE_THRESHOLDS      = var.coverage.feature_thresholds
    INPUT_THRESHOLDS        = var.coverage.input_thresholds
    INPUT_DUE               = var.input_due.times
    INPUT_DUE_GRACE_MINUTES = tostring(var.input_due.grace_minutes)
    CLEANUP_TTL_DAYS        = tostring(var.cleanup_ttl_days)
    LARGE_DELETION_ROWS     = tostring(var.large_deletion_rows)
    AUTO_HEAL               = tostring(var.auto_heal)
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

  # Each (function, topic it publishes to) pair is one publisher grant; metadata-tracking's request to reprocess
  # only when auto_heal or recompute_on_landing is on.
  publications = merge([
    for name, function in local.functions : {
      for topic in function.publishes : "${name}--${topic}" => { function = name, topic = topic }
      if name != "metadata-tracking" || var.auto_heal || var.recompute_on_landing
    }
  ]...)

  # Each (function, table) pair is one grant; a table a function edits is not granted to it again for reading.
  table_readers = merge([
    for name, function in local.functions : {
      for table in function.reads_tables : "${name}--${table}" => { function = name, table = table }
      if !contains(function.edits_tables, table)
    }
  ]...)

  table_editors = merge([
    for name, function in local.functions : {
      for table in function.edits_tables : "${name}--${table}" => { function = name, table = table }
    }
  ]...)

  labels = {
    app        = "player-composite-factors"
    managed-by = "terraform"
  }
}
