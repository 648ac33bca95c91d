#!/usr/bin/env bash
# Zips each function's deploy jar for Cloud Functions (build/functions/<function>.zip). The jars are reproducible
# (project.build.outputTimestamp); a fixed file time and no extra attributes keep the zips so, and Terraform names
# each source object by its hash, so an unchanged function is not redeployed. Run after `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/functions
for fn in composite-factors coverage-validation metadata-tracking upcoming-tables-cleanup; do
  jar=$(ls functions/${fn}/target/${fn}-function-*-deploy.jar)
  touch -t 202601010000 "${jar}"
  zip -X -j -q "build/functions/${fn}.zip" "${jar}"
done
ls -l build/functions
