# Applied once per project by an administrator, before the first build: the two Cloud Build accounts and their
# triggers. The suite's own configuration (../) is then applied by the deploy trigger only.
#
#   cd terraform/bootstrap
#   terraform init -backend-config="bucket=<project>-tfstate" -backend-config="prefix=pcf/bootstrap"
#   terraform apply -var=project_id=<project> -var=github_owner=<owner> -var=github_repo=<repo> \
#     -var=state_bucket=<project>-tfstate -var=approvers=<group email>
#
# Trust is split: every branch's build (cloudbuild.yaml) runs as pcf-ci, which can read the project and the state
# and change nothing; only main's build (cloudbuild-deploy.yaml), after a person approves it, runs as
# pcf-deployer, which can apply. Nobody who can push a branch can run anything as pcf-deployer.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }

  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}

variable "project_id" {
  description = "Google Cloud project that runs the suite."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Build triggers."
  type        = string
  default     = "us-east1"
}

variable "github_owner" {
  description = "Owner of the GitHub repository connected to Cloud Build."
  type        = string
}

variable "github_repo" {
  description = "Name of the GitHub repository connected to Cloud Build."
  type        = string
}

variable "state_bucket" {
  description = "Bucket of the Terraform state (created once, versioned)."
  type        = string
}

variable "approvers" {
  description = "The group whose members approve deploy builds (roles/cloudbuild.builds.approver), e.g. pcf-approvers@example.com. Nobody else can let a deploy build run."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.approvers))
    error_message = "approvers must be a group's email address."
  }
}

variable "environments" {
  description = "Per environment: the folder of its state in the bucket and its tfvars file (relative to terraform/)."
  type = map(object({
    state_prefix = string
    vars_file    = string
  }))
  default = {
    prod = { state_prefix = "pcf/prod", vars_file = "environments/prod.tfvars" }
  }
}

locals {
  # Read-only: what a plan must see (resources, their IAM policies) and nothing it could change.
  ci_roles = ["roles/viewer", "roles/iam.securityReviewer", "roles/logging.logWriter"]

  # What applying ../ needs: the services it creates, the accounts and the grants between them.
  deployer_roles = [
    "roles/artifactregistry.admin",
    "roles/bigquery.admin",
    "roles/cloudfunctions.developer",
    "roles/cloudscheduler.admin",
    "roles/eventarc.admin",
    "roles/iam.serviceAccountAdmin",
    "roles/iam.serviceAccountUser",
    "roles/logging.configWriter",
    "roles/logging.logWriter",
    "roles/monitoring.alertPolicyEditor",
    "roles/pubsub.admin",
    "roles/resourcemanager.projectIamAdmin",
    "roles/run.admin",
    "roles/serviceusage.serviceUsageAdmin",
    "roles/storage.admin",
  ]
}

# A new project has almost nothing enabled, yet the bootstrap creates accounts, project grants and Cloud Build
# triggers, and the suite's first plan reads the project (data.google_project) before its own apis.tf could enable
# anything. Enabled here, then a wait: an API just enabled refuses calls for a minute or so. Service Usage, which
# enables the others, is on in every new project.
resource "google_project_service" "bootstrap" {
  for_each = toset([
    "cloudbuild.googleapis.com",
    "cloudresourcemanager.googleapis.com",
    "iam.googleapis.com",
    "serviceusage.googleapis.com",
    "storage.googleapis.com",
  ])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

resource "time_sleep" "apis" {
  create_duration = "90s"

  depends_on = [google_project_service.bootstrap]
}

resource "google_service_account" "ci" {
  account_id   = "pcf-ci"
  display_name = "PCF builds of every branch: test and plan, read-only"

  depends_on = [time_sleep.apis]
}

resource "google_service_account" "deployer" {
  account_id   = "pcf-deployer"
  display_name = "PCF builds of main: apply, after approval"

  depends_on = [time_sleep.apis]
}

resource "google_project_iam_member" "ci" {
  for_each = toset(local.ci_roles)

  project = var.project_id
  role    = each.value
  member  = google_service_account.ci.member
}

resource "google_project_iam_member" "deployer" {
  for_each = toset(local.deployer_roles)

  project = var.project_id
  role    = each.value
  member  = google_service_account.deployer.member
}

# A deploy build waits for an approval: granted to a group, so approving is a membership an Owner can review, not a
# role handed to people one by one.
resource "google_project_iam_member" "approvers" {
  project = var.project_id
  role    = "roles/cloudbuild.builds.approver"
  member  = "group:${var.approvers}"

  depends_on = [time_sleep.apis]
}

# The plan reads the state; only the deployer writes it.
resource "google_storage_bucket_iam_member" "ci_state" {
  bucket = var.state_bucket
  role   = "roles/storage.objectViewer"
  member = google_service_account.ci.member
}

resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = var.state_bucket
  role   = "roles/storage.objectUser"
  member = google_service_account.deployer.member
}

resource "google_cloudbuild_trigger" "ci" {
  for_each = var.environments

  name            = "pcf-${each.key}-test-and-plan"
  location        = var.region
  description     = "Every branch: test, package, plan (read-only)."
  filename        = "cloudbuild.yaml"
  service_account = google_service_account.ci.id

  github {
    owner = var.github_owner
    name  = var.github_repo
    push {
      branch = ".*"
    }
  }

  substitutions = {
    _TF_STATE_BUCKET = var.state_bucket
    _TF_STATE_PREFIX = each.value.state_prefix
    _TF_VARS_FILE    = each.value.vars_file
  }

  depends_on = [time_sleep.apis]
}

resource "google_cloudbuild_trigger" "deploy" {
  for_each = var.environments

  name            = "pcf-${each.key}-deploy"
  location        = var.region
  description     = "main only, after approval: test, plan, apply, dead-letter policies."
  filename        = "cloudbuild-deploy.yaml"
  service_account = google_service_account.deployer.id

  github {
    owner = var.github_owner
    name  = var.github_repo
    push {
      branch = "^main$"
    }
  }

  approval_config {
    approval_required = true
  }

  substitutions = {
    _TF_STATE_BUCKET = var.state_bucket
    _TF_STATE_PREFIX = each.value.state_prefix
    _TF_VARS_FILE    = each.value.vars_file
    _DEPLOY_BRANCH   = "main"
  }

  depends_on = [time_sleep.apis]
}
