# A second environment in the production project: every name that must be unique in a project carries "dev-"
# (topics, functions, service accounts, buckets, Scheduler jobs, Eventarc triggers, log metrics, alert titles), and
# its datasets are its own. Its state lives in its own folder (cloudbuild's _TF_STATE_PREFIX=pcf/dev).
project_id = "nba-props-platform"
region     = "us-east1"

topic_prefix = "dev-"

# Its own copy of the upstream tables: the cleanup edits them, and must never touch production's.
analytics_dataset     = "dev_nba_analytics"
precompute_dataset    = "dev_nba_precompute"
orchestration_dataset = "dev_nba_orchestration"
staging_dataset       = "dev_nba_staging"

cleanup_ttl_days    = 7
large_deletion_rows = 10000
auto_heal           = false

functions = {
  "composite-factors"       = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 2 }
  "coverage-validation"     = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 2 }
  "metadata-tracking"       = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 1 }
  "upcoming-tables-cleanup" = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 1 }
}
