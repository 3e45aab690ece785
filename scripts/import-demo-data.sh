#!/usr/bin/env bash
# Fills the registries in $PORTAL_DATA with the demo people (README, "Demo people") using the operator
# commands: scripts/demo-data/*.csv plus a permit that expires 20 days from today, generated now so that
# it always lands inside the 30-day reminder window. Importing again changes nothing.
#
# Environment: PORTAL_BIN (the portal executable, default .build/release/portal),
#              PORTAL_DATA (default var/ in the checkout), PORTAL_ENV (default development).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORTAL_BIN="${PORTAL_BIN:-$ROOT/.build/release/portal}"
PORTAL_DATA="${PORTAL_DATA:-$ROOT/var}"
PORTAL_ENV="${PORTAL_ENV:-development}"
DEMO="$ROOT/scripts/demo-data"

[ -x "$PORTAL_BIN" ] || { echo "import-demo-data: no portal executable at $PORTAL_BIN" >&2; exit 1; }
umask 027
mkdir -p "$PORTAL_DATA"
PORTAL_DATA="$(cd "$PORTAL_DATA" && pwd)"
export PORTAL_DATA PORTAL_ENV

# MARIA GARCIA's permit: valid for another 20 days from the day of import.
write_expiring_permit() {
    local file="$1"
    {
        echo "permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,work_location,issue_date,valid_until,status"
        echo "WP2026000003,MARIA GARCIA,PAB123456,Spain,1993-06-30,F,Haikou Digital Trade Co Ltd,Marketing Specialist,Haikou,$(date -d '-345 days' +%F),$(date -d '+20 days' +%F),valid"
    } >"$file"
}

import() {
    echo "import-demo-data: portal import $1 $2" >&2
    "$PORTAL_BIN" import "$1" "$2"
}

# Permits first: the other registries name permit numbers and passports.
import permits "$DEMO/permits.csv"
expiring="$PORTAL_DATA/demo-permit-expiring.csv"
write_expiring_permit "$expiring"
import permits "$expiring"
import ss-cards "$DEMO/ss-cards.csv"
import bank-cards "$DEMO/bank-cards.csv"
import sims "$DEMO/sims.csv"
