terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
    # Only for google_project_service_identity, which creates the service agents before anything is granted to them.
    google-beta = {
      source  = "hashicorp/google-beta"
      version = "~> 6.10"
    }
    # time_sleep: the waits Google documents for IAM and new service agents to propagate.
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }

  # State lives in a bucket you create once; pass it at init:
  #   terraform init -backend-config="bucket=<project>-tfstate" -backend-config="prefix=pcf"
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}

provider "google-beta" {
  project = var.project_id
  region  = var.region
}

data "google_project" "this" {
  project_id = var.project_id
}
