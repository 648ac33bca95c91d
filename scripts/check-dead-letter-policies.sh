#!/usr/bin/env bash
# Checks that the subscription behind each Eventarc trigger of the functions has its dead-letter policy: the
# function's dead-letter topic and the configured attempts. Prints one line per subscription and exits 1 if any
# lacks it (a trigger that Terraform re-created starts without one; scripts/attach-dead-letter-policies.sh sets it).
# Reads `terraform output -json` from the file given, or from terraform. Changes nothing.
# Usage: scripts/check-dead-letter-policies.sh [outputs.json]
set -euo pipefail
outputs="${1:-}"
if [ -z "$outputs" ]; then
  outputs="$(mktemp)"
  terraform -chdir="$(dirname "$0")/../terraform" output -json > "$outputs"
fi

attempts="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["max_delivery_attempts"]["value"])' "$outputs")"
missing=0
while read -r trigger dead_letter_topic; do
  subscription="$(gcloud eventarc triggers describe "$trigger" --format='value(transport.pubsub.subscription)')"
  if ! policy="$(gcloud pubsub subscriptions describe "$subscription" --format=json | python3 -c '
import json, sys
policy = json.load(sys.stdin).get("deadLetterPolicy") or {}
print(policy.get("deadLetterTopic", "-"), policy.get("maxDeliveryAttempts", "-"))
')"; then
    policy="- -"
  fi
  read -r topic max <<< "$policy"
  if [ "$topic" = "$dead_letter_topic" ] && [ "$max" = "$attempts" ]; then
    echo "ok       $subscription -> $topic after $max attempts"
  else
    echo "MISSING  $subscription: dead letters go to '$topic' after '$max' attempts; expected $dead_letter_topic after $attempts" >&2
    missing=$((missing + 1))
  fi
done < <(python3 -c '
import json, sys
for key, t in sorted(json.load(open(sys.argv[1]))["triggers"]["value"].items()):
    print(t["trigger"], t["dead_letter_topic"])
' "$outputs")

if [ "$missing" -gt 0 ]; then
  echo "$missing subscription(s) without their dead-letter policy: run scripts/attach-dead-letter-policies.sh" >&2
  exit 1
fi
