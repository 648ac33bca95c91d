# One service account per function, with only what that function needs. No basic roles, no project-wide data
# roles, and no dataset-level IAM at all: google_bigquery_dataset_iam_* rewrite a dataset's whole access list and
# drop its authorized views, which would break every view another team has on the upstream data. Data access is
# granted per table instead (docs/operations.md, "Who may do what", lists every grant).
#
# The accounts themselves are created by terraform/bootstrap (its runtime_accounts), long before this is applied:
# the deployer may act as them and create none. A plan on a project without them fails here, naming the account.
data "google_service_account" "function" {
  for_each = local.functions

  account_id = "${local.name_prefix}${each.value.account}"
}

# Runs query and load jobs; the data itself is granted per table below.
resource "google_project_iam_member" "bigquery_job_user" {
  for_each = local.functions

  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = data.google_service_account.function[each.key].member

}

# Reads: the tables a function's queries name, upstream ones included (they must exist before the first apply).
resource "google_bigquery_table_iam_member" "reader" {
  for_each = local.table_readers

  dataset_id = local.datasets[local.table_datasets[each.value.table]]
  table_id   = each.value.table
  role       = "roles/bigquery.dataViewer"
  member     = data.google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_table.owned]
}

# Writes: the tables a function merges into, inserts into or deletes from, with the bootstrap's pcfTableRows: their
# rows only, never their schema, metadata or existence (roles/bigquery.dataEditor on a table includes
# bigquery.tables.delete and tables.update: the cleanup could drop an upstream table).
resource "google_bigquery_table_iam_member" "editor" {
  for_each = local.table_editors

  dataset_id = local.datasets[local.table_datasets[each.value.table]]
  table_id   = each.value.table
  role       = local.table_rows_role
  member     = data.google_service_account.function[each.value.function].member

  depends_on = [google_bigquery_table.owned]
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.publications

  topic  = google_pubsub_topic.chain[each.value.topic].id
  role   = "roles/pubsub.publisher"
  member = data.google_service_account.function[each.value.function].member

}

# The cleanup writes each backup once, reads it back to count it, and lists a date's backups to restore them. It
# never deletes one: the bucket's retention policy would refuse, and the lifecycle removes them later.
resource "google_storage_bucket_iam_member" "cleanup_backups" {
  for_each = toset(["roles/storage.objectCreator", "roles/storage.objectViewer"])

  bucket = google_storage_bucket.backups.name
  role   = each.value
  member = data.google_service_account.function["upcoming-tables-cleanup"].member

}

# Eventarc calls the functions as this account, which may invoke them and nothing else. Routing direct Pub/Sub
# events needs no roles/eventarc.eventReceiver (Eventarc's "Roles and permissions for Cloud Run targets").
data "google_service_account" "trigger" {
  account_id = "${local.name_prefix}eventarc"
}

resource "google_cloud_run_v2_service_iam_member" "trigger_invoker" {
  for_each = local.functions

  name     = google_cloudfunctions2_function.function[each.key].service_config[0].service
  location = var.region
  role     = "roles/run.invoker"
  member   = data.google_service_account.trigger.member

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
  service_account_id = data.google_service_account.trigger.name
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
data "google_service_account" "build" {
  account_id = "${local.name_prefix}build"
}

resource "google_project_iam_member" "build" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])

  project = var.project_id
  role    = each.value
  member  = data.google_service_account.build.member

}

resource "google_storage_bucket_iam_member" "build_sources" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.objectViewer"
  member = data.google_service_account.build.member

}

# Cloud Functions copies each zip into its own bucket, gcf-v2-sources-<project number>-<region>, and the build reads
# it from there (hashicorp/terraform-provider-google#20571: "Access to bucket gcf-v2-sources-... denied"). That
# bucket does not exist before the first deployment, so the grant is on the project, for that bucket's name only.
resource "google_project_iam_member" "build_function_sources" {
  project = var.project_id
  role    = "roles/storage.objectViewer"
  member  = data.google_service_account.build.member

  condition {
    title       = "gcf-v2-sources-only"
    description = "Only the bucket Cloud Functions stages this region's sources in."
    expression  = "resource.name == \"projects/_/buckets/${local.function_sources_bucket}\" || resource.name.startsWith(\"projects/_/buckets/${local.function_sources_bucket}/\")"
  }

}
