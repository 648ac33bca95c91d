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

variable "topic_prefix" {
  description = "Prefix of every topic name, e.g. \"dev-\" for a second environment in the same project; empty in production."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([a-z][a-z0-9-]{0,30}-)?$", var.topic_prefix))
    error_message = "topic_prefix must be empty or lower-case letters, digits and '-', ending in '-'."
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
  description = "Cron schedules: the cleanup, the daily factors request for yesterday (AUTO), the metadata sweep."
  type = object({
    cleanup        = string
    factors        = string
    metadata_sweep = string
    sweep_days     = number
  })
  default = {
    cleanup        = "0 4 * * *"
    factors        = "30 5 * * *"
    metadata_sweep = "0 7 * * *"
    sweep_days     = 7
  }
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
}

variable "max_delivery_attempts" {
  description = "Deliveries of a message before it goes to the function's dead-letter topic (5 to 100)."
  type        = number
  default     = 5
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
