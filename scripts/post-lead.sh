#!/usr/bin/env bash
# Posts a lead to the form webhook, signed as a Standard Webhooks sender signs it:
#   webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>, key = base64-decoded tail of whsec_…
# Usage: scripts/post-lead.sh [email] [webhook-id]
# Env:   ORCH_URL (default http://localhost:7070), WEBHOOK_SECRET_FORM (default: the sandbox development secret)
set -euo pipefail
email="${1:-jane.doe@acme.com}"
id="${2:-msg_$(date +%s%N)}"
url="${ORCH_URL:-http://localhost:7070}"
secret="${WEBHOOK_SECRET_FORM:-whsec_ZGV2LW9ubHktZm9ybS1zZWNyZXQtY2hhbmdlLW1l}"
ts="$(date +%s)"
domain="${email#*@}"
company="${COMPANY:-${domain%%.*}}"          # COMPANY overrides; else the email domain's first label
body="$(printf '{"id":"%s","submittedAt":"%s","email":"%s","firstName":"Jane","lastName":"Doe","company":"%s","website":"https://www.%s","phone":"+1 415 555 2671","country":"US","consent":true}' \
  "$id" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$email" "$company" "$domain")"
key_hex="$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')"
sig="$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)"
curl -sS -i -X POST "$url/webhooks/form" \
  -H 'Content-Type: application/json' \
  -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig" \
  --data-binary "$body"
echo
