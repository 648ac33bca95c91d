# One service account per function, with only what that function needs. No basic roles, no project-wide data
# roles, and no dataset-level IAM at all: google_bigquery_dataset_iam_* rewrite a dataset's whole access list and
# drop its authorized views, which would break every view another team has on the upstream data. Data access is
# granted per table instead (docs/operations.md, "Who may do what", lists every grant).

resource "google_service_account" "function" {
  for_each = local.functions

  account_id   = "${local.name_prefix}${each.value.account}"
  display_name = "PCF ${var.topic_prefix}${each.key}"

  depends_on = [google_project_service.required]
}

# Runs query and load jobs; the data itself is granted per table below.
resource "google_project_iam_member" "bigquery_job_user" {
  for_each = local.functions

  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = google_service_account.function[each.key].member

  depends_on = [time_sleep.accounts]
}

# Reads: the tables a function's queries name, upstream ones included (they must exist before the first apply).
resource "google_bigquery_table_iam_member" "reader" {
  for_each = local.table_readers

  dataset_id = local.datasets[local.table_datasets[each.value.table]]
  table_id   = each.value.table
  role       = "roles/bigquery.dataViewer"
  member     = google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_table.owned, time_sleep.accounts]
}

# Writes: the tables a function replaces partitions of, merges into or deletes from; never a whole dataset, so no
# function can create or drop a table.
resource "google_bigquery_table_iam_member" "editor" {
  for_each = local.table_editors

  dataset_id = local.datasets[local.table_datasets[each.value.table]]
  table_id   = each.value.table
  role       = "roles/bigquery.dataEditor"
  member     = google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_table.owned, time_sleep.accounts]
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.publications

  topic  = google_pubsub_topic.chain[each.value.topic].id
  role   = "roles/pubsub.publisher"
  member = google_service_account.function[each.value.function].member

  depends_on = [time_sleep.accounts]
}

# The cleanup writes each backup once, reads it back to count it, and lists a date's backups to restore them. It
# never deletes one: the bucket's retention policy would refuse, and the lifecycle removes them later.
resource "google_storage_bucket_iam_member" "cleanup_backups" {
  for_each = toset(["roles/storage.objectCreator", "roles/storage.objectViewer"])

  bucket = google_storage_bucket.backups.name
  role   = each.value
  member = google_service_account.function["upcoming-tables-cleanup"].member

  depends_on = [time_sleep.accounts]
}

# Eventarc calls the functions as this account, which may invoke them and nothing else. Routing direct Pub/Sub
# events needs no roles/eventarc.eventReceiver (Eventarc's "Roles and permissions for Cloud Run targets").
resource "google_service_account" "trigger" {
  account_id   = "${local.name_prefix}eventarc"
  display_name = "PCF ${var.topic_prefix}Eventarc triggers"

  depends_on = [google_project_service.required]
}

resource "google_cloud_run_v2_service_iam_member" "trigger_invoker" {
  for_each = local.functions

  name     = google_cloudfunctions2_function.function[each.key].service_config[0].service
  location = var.region
  role     = "roles/run.invoker"
  member   = google_service_account.trigger.member

  depends_on = [time_sleep.accounts]
}

# The invoker grant can only follow its function. A function's own trigger may see a few 403s until it propagates
# (Pub/Sub redelivers them); the further triggers wait for it.
resource "time_sleep" "invoker_propagation" {
  create_duration = var.propagation_wait

  depends_on = [google_cloud_run_v2_service_iam_member.trigger_invoker]
}

# Pub/Sub signs the OIDC token of each push with the trigger account (needed where the Pub/Sub service agent
# predates 2021-04-08; harmless elsewhere, and limited to this one account).
resource "google_service_account_iam_member" "pubsub_token_creator" {
  service_account_id = google_service_account.trigger.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_service_agent

  depends_on = [time_sleep.service_agents]
}

# Cloud Scheduler publishes its jobs' messages as its service agent, to the three topics it triggers only.
resource "google_pubsub_topic_iam_member" "scheduler_publisher" {
  for_each = toset([for job in local.scheduled : job.topic])

  topic  = google_pubsub_topic.chain[each.value].id
  role   = "roles/pubsub.publisher"
  member = google_project_service_identity.agent["cloudscheduler.googleapis.com"].member

  depends_on = [time_sleep.service_agents]
}

# The functions' builds: read the source zips, push the built image, write build logs. Nothing else.
resource "google_service_account" "build" {
  account_id   = "${local.name_prefix}build"
  display_name = "Builds the PCF ${var.topic_prefix}functions' images"

  depends_on = [google_project_service.required]
}

# A new service account reaches IAM and BigQuery a little after it is created: a grant that names it at once can fail
# with "does not exist" (BigQuery's dataset access does for a minute or two, and the provider retries only quota
# errors). Every grant to an account this configuration creates waits for this; the grants to service agents wait for
# time_sleep.service_agents.
resource "time_sleep" "accounts" {
  create_duration = var.propagation_wait

  depends_on = [google_service_account.function, google_service_account.trigger, google_service_account.build]
}

resource "google_project_iam_member" "build" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])

  project = var.project_id
  role    = each.value
  member  = google_service_account.build.member

  depends_on = [time_sleep.accounts]
}

resource "google_storage_bucket_iam_member" "build_sources" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.build.member

  depends_on = [time_sleep.accounts]
}

# Cloud Functions copies each zip into its own bucket, gcf-v2-sources-<project number>-<region>, and the build reads
# it from there (hashicorp/terraform-provider-google#20571: "Access to bucket gcf-v2-sources-... denied"). That
# bucket does not exist before the first deployment, so the grant is on the project, for that bucket's name only.
resource "google_project_iam_member" "build_function_sources" {
  project = var.project_id
  role    = "roles/storage.objectViewer"
  member  = google_service_account.build.member

  condition {
    title       = "gcf-v2-sources-only"
    description = "Only the bucket Cloud Functions stages this region's sources in."
    expression  = "resource.name == \"projects/_/buckets/${local.function_sources_bucket}\" || resource.name.startsWith(\"projects/_/buckets/${local.function_sources_bucket}/\")"
  }

  depends_on = [time_sleep.accounts]
}
