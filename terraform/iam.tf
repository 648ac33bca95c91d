# One service account per function, with only what that function needs. No basic roles, no project-wide data roles.

resource "google_service_account" "function" {
  for_each = local.functions

  account_id   = "pcf-${each.key}"
  display_name = "PCF function ${each.key}"
}

# Runs query and load jobs; the data itself is granted per dataset or table below.
resource "google_project_iam_member" "bigquery_job_user" {
  for_each = local.functions

  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = google_service_account.function[each.key].member
}

resource "google_bigquery_dataset_iam_member" "reader" {
  for_each = local.dataset_readers

  dataset_id = local.datasets[each.value.dataset]
  role       = "roles/bigquery.dataViewer"
  member     = google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_dataset.owned]
}

resource "google_bigquery_dataset_iam_member" "editor" {
  for_each = local.dataset_editors

  dataset_id = local.datasets[each.value.dataset]
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_dataset.owned]
}

# The cleanup edits the two upstream upcoming-context tables, and nothing else of the upstream dataset.
resource "google_bigquery_table_iam_member" "cleanup_editor" {
  for_each = toset(local.upcoming_tables)

  dataset_id = var.analytics_dataset
  table_id   = each.value
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.function["upcoming-tables-cleanup"].member
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.publications

  topic  = google_pubsub_topic.chain[each.value.topic].id
  role   = "roles/pubsub.publisher"
  member = google_service_account.function[each.value.function].member
}

resource "google_storage_bucket_iam_member" "cleanup_backups" {
  bucket = google_storage_bucket.backups.name
  role   = "roles/storage.objectAdmin"
  member = google_service_account.function["upcoming-tables-cleanup"].member
}

# Eventarc calls the functions as this account, which may invoke them and nothing else.
resource "google_service_account" "trigger" {
  account_id   = "pcf-eventarc"
  display_name = "PCF Eventarc triggers"
}

resource "google_project_iam_member" "trigger_event_receiver" {
  project = var.project_id
  role    = "roles/eventarc.eventReceiver"
  member  = google_service_account.trigger.member
}

resource "google_cloud_run_v2_service_iam_member" "trigger_invoker" {
  for_each = local.functions

  name     = google_cloudfunctions2_function.function[each.key].service_config[0].service
  location = var.region
  role     = "roles/run.invoker"
  member   = google_service_account.trigger.member
}

# Pub/Sub signs the OIDC token of each push with the trigger account.
resource "google_service_account_iam_member" "pubsub_token_creator" {
  service_account_id = google_service_account.trigger.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_service_agent
}

# Cloud Scheduler publishes its jobs' messages as its service agent.
resource "google_pubsub_topic_iam_member" "scheduler_publisher" {
  for_each = toset(["upcoming-tables-cleanup-trigger", "composite-factors-requests", "metadata-tracking-trigger"])

  topic  = google_pubsub_topic.chain[each.value].id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-cloudscheduler.iam.gserviceaccount.com"
}

# The functions' builds: read the source zips, push the built image, write build logs. Nothing else.
resource "google_service_account" "build" {
  account_id   = "pcf-function-build"
  display_name = "Builds the PCF functions' images"
}

resource "google_project_iam_member" "build" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.build.email}"
}

resource "google_storage_bucket_iam_member" "build_sources" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.build.email}"
}
