# Production. Only project_id is required; everything else shows its default. Two environments can share a project:
# dev.tfvars beside this file is the second one. Each has its own state folder (cloudbuild's _TF_STATE_PREFIX).
project_id = "nba-props-platform"
region     = "us-east1"

# The environment's prefix of every name that must be unique in the project; empty here.
topic_prefix = ""

# The upstream dataset is read, and the cleanup edits its two upcoming-context tables: each environment has its own.
analytics_dataset     = "nba_analytics"
precompute_dataset    = "nba_precompute"
orchestration_dataset = "nba_orchestration"
staging_dataset       = "nba_staging"

cleanup_ttl_days    = 7
large_deletion_rows = 10000
auto_heal           = true

alert_notification_channels = [
  # "projects/nba-props-platform/notificationChannels/1234567890",
]

# functions = {
#   "composite-factors"       = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 5 }
#   "coverage-validation"     = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 5 }
#   "metadata-tracking"       = { memory = "512Mi", timeout_seconds = 300, max_instance_count = 3 }
#   "upcoming-tables-cleanup" = { memory = "1Gi", timeout_seconds = 540, max_instance_count = 1 }
# }
