variable "project_id" {
  description = "Google Cloud project that runs the suite."
  type        = string
}

variable "region" {
  description = "Region of the functions, the Eventarc triggers and the Scheduler jobs."
  type        = string
  default     = "us-east1"
}

variable "bigquery_location" {
  description = "Location of the BigQuery datasets (must match the upstream nba_analytics dataset)."
  type        = string
  default     = "US"
}

variable "analytics_dataset" {
  description = "Upstream dataset with player_game_summary and the upcoming context tables (not created here)."
  type        = string
  default     = "nba_analytics"
}

variable "precompute_dataset" {
  description = "Dataset of player_composite_factors and the precompute inputs."
  type        = string
  default     = "nba_precompute"
}

variable "orchestration_dataset" {
  description = "Dataset of the metadata, failures and cleanup audit tables."
  type        = string
  default     = "nba_orchestration"
}

variable "range_chunk_days" {
  description = "Game dates a range's fan-out puts in one message (1: a message per date). 40 keeps a 944-date backfill under 200 BigQuery jobs and a chunk far inside composite-factors' 540 s and 1 GiB (docs/performance.md, \"The range in chunks\")."
  type        = number
  default     = 40

  validation {
    condition     = var.range_chunk_days >= 1 && var.range_chunk_days <= 90
    error_message = "range_chunk_days must be between 1 and 90 (a chunk's dates travel in one Pub/Sub attribute of at most 1,024 bytes)."
  }
}

variable "staging_dataset" {
  description = "Dataset where every write stages its rows before one MERGE or INSERT moves them; its tables expire within a day."
  type        = string
  default     = "nba_staging"
}

variable "topic_prefix" {
  description = "The environment: prefix of every name that must be unique in the project (topics, functions, service accounts, buckets, jobs, metrics), e.g. \"dev-\" for a second environment; empty in production."
  type        = string
  default     = ""

  # Service account ids are "pcf-" + this + at most 8 characters, and may have 30: 18 left for the prefix.
  validation {
    condition     = can(regex("^([a-z][a-z0-9-]{0,16}-)?$", var.topic_prefix))
    error_message = "topic_prefix must be empty or at most 18 lower-case letters, digits and '-', starting with a letter and ending in '-'."
  }
}

variable "cleanup_ttl_days" {
  description = "Upcoming-context rows with game_date older than this many days are backed up and deleted."
  type        = number
  default     = 7

  validation {
    condition     = var.cleanup_ttl_days >= 1
    error_message = "cleanup_ttl_days must be at least 1: 0 would delete the context of today's games."
  }
}

variable "large_deletion_rows" {
  description = "A cleanup deleting more rows than this logs alert=large_deletion."
  type        = number
  default     = 10000
}

variable "auto_heal" {
  description = "Whether the daily sweep requests the reprocessing of the dates it finds INCOMPLETE (at most once a day each)."
  type        = bool
  default     = false
}

variable "coverage" {
  description = "Thresholds of the fallback and the coverage gate, in percent, and the season's bootstrap days."
  type = object({
    fallback_threshold_pct = number
    fail_pct               = number
    warn_pct               = number
    bootstrap_days         = number
    max_range_days         = number
    feature_thresholds     = string
    input_thresholds       = string
  })
  default = {
    fallback_threshold_pct = 90
    fail_pct               = 90
    warn_pct               = 95
    bootstrap_days         = 14
    max_range_days         = 400
    feature_thresholds     = "minutes_played:99:critical,points:99.5:critical,usage_rate:45"
    input_thresholds       = "box_scores:100:critical,team_box_scores:100:critical,shot_zones:95:critical,zone_defense:100:critical,usage:95:critical,factor_completeness:95:critical"
  }
}

variable "schedule_time_zone" {
  description = "Time zone of the Scheduler jobs and of the league's dates."
  type        = string
  default     = "America/New_York"
}

variable "schedules" {
  description = "Cron schedules: the cleanup, the daily factors request for yesterday (AUTO), the metadata sweep, and the two freshness checks (each input's due time in input_due plus its grace: the night's box scores, the game day's morning inputs)."
  type = object({
    cleanup             = string
    factors             = string
    metadata_sweep      = string
    sweep_days          = number
    freshness_overnight = string
    freshness_morning   = string
  })
  default = {
    cleanup             = "0 4 * * *"
    factors             = "30 5 * * *"
    metadata_sweep      = "0 7 * * *"
    sweep_days          = 7
    freshness_overnight = "30 2 * * *"
    freshness_morning   = "30 10 * * *"
  }
}

variable "input_due" {
  description = "When each upstream table's partition of game date D is due (INPUT_DUE: table=D[+days] HH:MM, in schedule_time_zone), and the minutes after it a missing or partial one is late (INPUT_DUE_GRACE_MINUTES). Keep schedules.freshness_* at these times plus the grace."
  type = object({
    times         = string
    grace_minutes = number
  })
  default = {
    times         = "player_game_summary=D+1 02:00,team_offense_game_summary=D+1 02:00,upcoming_player_game_context=D 10:00,upcoming_team_game_context=D 10:00,player_shot_zone_analysis=D 10:00,team_defense_zone_analysis=D 10:00"
    grace_minutes = 30
  }

  validation {
    condition     = alltrue([for entry in split(",", var.input_due.times) : can(regex("^(player_game_summary|team_offense_game_summary|upcoming_player_game_context|upcoming_team_game_context|player_shot_zone_analysis|team_defense_zone_analysis)=D(\\+[0-3])? ([01][0-9]|2[0-3]):[0-5][0-9]$", trimspace(entry)))])
    error_message = "input_due.times must be table=D[+days] HH:MM entries (days 0 to 3) of the six upstream tables, comma-separated."
  }

  validation {
    condition     = var.input_due.grace_minutes >= 0 && var.input_due.grace_minutes <= 720
    error_message = "input_due.grace_minutes must be from 0 to 720."
  }
}

variable "recompute_on_landing" {
  description = "Eventarc triggers on BigQuery's audit logs: when an upstream table is written, metadata-tracking requests each date it makes computable at once rather than at the next sweep."
  type        = bool
  default     = true
}

variable "functions" {
  description = "Memory, timeout and instance bounds per function. max_instance_count bounds a backfill's fan-out."
  type = map(object({
    memory             = string
    timeout_seconds    = number
    max_instance_count = number
  }))
  default = {
    "composite-factors"       = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 5 }
    "coverage-validation"     = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 5 }
    "metadata-tracking"       = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 3 }
    "upcoming-tables-cleanup" = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 1 }
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : f.timeout_seconds >= 1 && f.timeout_seconds <= 540])
    error_message = "timeout_seconds must be from 1 to 540: the limit of an event-driven gen2 function."
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : contains(["256Mi", "512Mi", "1Gi", "2Gi", "4Gi", "8Gi", "16Gi", "32Gi"], f.memory)])
    error_message = "memory must be one of 256Mi, 512Mi, 1Gi, 2Gi, 4Gi, 8Gi, 16Gi, 32Gi (Java needs at least 256Mi)."
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : f.max_instance_count >= 1 && f.max_instance_count <= 1000])
    error_message = "max_instance_count must be from 1 to 1000."
  }
}

variable "max_delivery_attempts" {
  description = "Deliveries of a message before it goes to the function's dead-letter topic (5 to 100)."
  type        = number
  default     = 5

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100 && floor(var.max_delivery_attempts) == var.max_delivery_attempts
    error_message = "max_delivery_attempts must be a whole number from 5 to 100 (Pub/Sub's dead-letter policy)."
  }
}

variable "propagation_wait" {
  description = "How long the first apply waits for new service agents, IAM grants and log-based metrics to propagate."
  type        = string
  default     = "90s"

  validation {
    condition     = can(regex("^[0-9]+[sm]$", var.propagation_wait))
    error_message = "propagation_wait is a duration such as \"90s\" or \"2m\"."
  }
}

variable "source_retention_days" {
  description = "Days a replaced function zip, and each build's copy under builds/, are kept in the sources bucket."
  type        = number
  default     = 30

  validation {
    condition     = var.source_retention_days >= 1
    error_message = "source_retention_days must be at least 1."
  }
}

variable "backup_retention_days" {
  description = "Cleanup backups are kept (and cannot be deleted) this long, then removed by the bucket's lifecycle."
  type        = number
  default     = 30
}

variable "artifacts_dir" {
  description = "Folder with one <function>.zip per function (the -deploy.jar zipped), as Cloud Build leaves them."
  type        = string
  default     = "../build/functions"
}

variable "alert_notification_channels" {
  description = "Monitoring notification channel ids (projects/<p>/notificationChannels/<id>) the alerts go to."
  type        = list(string)
  default     = []
}
