# The first apply on a new project goes in this order: the APIs; the service agents they use (created here, not
# left to appear on first use); the accounts and their grants; a wait while the grants propagate; then the
# functions, the triggers and the alerts. docs/operations.md ("First apply") says what it needs and how long it takes.

resource "google_project_service" "required" {
  for_each = toset([
    "artifactregistry.googleapis.com",
    "bigquery.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "cloudscheduler.googleapis.com",
    "eventarc.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "storage.googleapis.com",
  ])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# The service agents this configuration grants roles to. Enabling an API does not create its agent; a grant to an
# agent that does not exist yet fails ("Service account ... does not exist").
resource "google_project_service_identity" "agent" {
  provider = google-beta
  for_each = toset(["pubsub.googleapis.com", "eventarc.googleapis.com", "cloudscheduler.googleapis.com"])

  project = var.project_id
  service = each.value

  depends_on = [google_project_service.required]
}

# A new service agent receives its own role a little after it is created, and Eventarc refuses triggers until its
# agent has it (hashicorp/terraform-provider-google#14584, #25294).
resource "time_sleep" "service_agents" {
  create_duration = var.propagation_wait

  depends_on = [google_project_service_identity.agent]
}

# IAM grants take effect within minutes, not at once; the functions' builds and the triggers fail if they start
# before their accounts' grants are visible.
resource "time_sleep" "iam_propagation" {
  create_duration = var.propagation_wait

  depends_on = [
    time_sleep.service_agents,
    google_project_iam_member.bigquery_job_user,
    google_project_iam_member.trigger_event_receiver,
    google_project_iam_member.build,
    google_project_iam_member.build_function_sources,
    google_storage_bucket_iam_member.build_sources,
    google_bigquery_table_iam_member.reader,
    google_bigquery_table_iam_member.editor,
    google_pubsub_topic_iam_member.publisher,
    google_service_account_iam_member.pubsub_token_creator,
    google_pubsub_topic_iam_member.scheduler_publisher,
    google_pubsub_topic_iam_member.dead_letter_publisher,
    google_storage_bucket_iam_member.cleanup_backups,
    google_bigquery_dataset_access.staging_writer,
  ]
}
