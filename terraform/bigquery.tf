# The datasets this suite owns. nba_analytics belongs to the upstream platform and is only referenced.
resource "google_bigquery_dataset" "owned" {
  for_each = toset(["precompute", "orchestration"])

  dataset_id  = local.datasets[each.value]
  location    = var.bigquery_location
  description = each.value == "precompute" ? "Precomputed player features, including the composite factors." : "Metadata, failures and audit of the processing."
  labels      = local.labels

  depends_on = [google_project_service.required]
}

# The precompute dataset exists before the suite does: the upstream's shot-zone and zone-defense tables live in it.
# The first plan adopts it ("will be imported", where the approver sees it) rather than failing with "already
# exists"; later plans find it in the state and import nothing.
import {
  to = google_bigquery_dataset.owned["precompute"]
  id = "projects/${var.project_id}/datasets/${var.precompute_dataset}"
}

# The output and orchestration tables, from the shared table definitions (schemas/ is generated from them and
# checked by the contract test). Partitioned by day on their date column, clustered, and requiring a partition
# filter where every query of the code filters by date.
resource "google_bigquery_table" "owned" {
  for_each = local.tables

  dataset_id               = google_bigquery_dataset.owned[each.value.dataset].dataset_id
  table_id                 = each.key
  schema                   = file("${path.module}/schemas/${each.key}.json")
  require_partition_filter = each.value.require_partition_filter
  clustering               = length(each.value.clustering) > 0 ? each.value.clustering : null
  deletion_protection      = true
  labels                   = local.labels

  time_partitioning {
    type  = "DAY"
    field = each.value.partition_field
  }
}

# Staging for every write: a writer loads its rows into a table of its own here, then one MERGE replaces the
# partitions (one date or a chunk's) or one INSERT appends them. The suite owns this dataset, so it grants the
# functions access to it alone (google_bigquery_dataset_access adds an entry; no other team's view is on it). Tables expire
# within a day, so a writer that dies before removing its table leaves nothing for long.
resource "google_bigquery_dataset" "staging" {
  dataset_id                  = var.staging_dataset
  location                    = var.bigquery_location
  description                 = "Staging tables of the suite's writes; they expire within a day."
  default_table_expiration_ms = 86400000
  labels                      = local.labels

  depends_on = [google_project_service.required]
}

# Every function writes through staging tables of its own (a load, then one MERGE or INSERT into the real table), so
# each may create and drop tables here, and nowhere else.
resource "google_bigquery_dataset_access" "staging_writer" {
  for_each = local.functions

  dataset_id    = google_bigquery_dataset.staging.dataset_id
  role          = "WRITER"
  user_by_email = data.google_service_account.function[each.key].email
}
