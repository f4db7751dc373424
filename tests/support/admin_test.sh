#!/usr/bin/env bash
# naast-admin end to end on a fresh data directory: init, import, report, a bad file, a wrong
# PIN, and no personal data in the report.   admin_test.sh PATH/TO/naast-admin
set -euo pipefail
admin=$1
dir=$(mktemp -d /tmp/naast-admin-XXXXXX)
trap 'rm -rf "$dir"' EXIT
export NAAST_DATA_DIR=$dir/data NAAST_PIN=482916
fail() { echo "FAIL: $*" >&2; exit 1; }

"$admin" init | grep -q "initialised" || fail "init"
cat > "$dir/good.csv" <<'CSV'
registration_id,registered_on,referrer,mother_birth_date,household,children_before,language,housing,due_date,delivered,vulnerability,reasons
TESTREG-0001,2025-11-03,verloskundige,2007-05-06,alleenstaand,0,matig,dreigende_uitzetting,2026-04-20,nee,zeer_kwetsbaar,schulden;veel_stress;huiselijk_geweld;geen_inkomen
TESTREG-0002,2026-01-10,zelfmelder,1990-01-31,partner,3,geen,stabiel,,ja,kwetsbaar,taalprobleem
TESTREG-0003,2026-02-01,wijkteam,1999-12-31,alleenstaand,1,voldoende_nl,dakloos,2026-09-01,nee,potentieel,dak_thuisloos;schulden
CSV
"$admin" import-registrations "$dir/good.csv" | grep -q "imported 3 registration" || fail "import"
"$admin" import-registrations "$dir/good.csv" | grep -q "imported 0 registration(s); 3 were there" || fail "re-import"

report=$("$admin" report --from 2025-01-01 --to 2026-12-31 --format csv)
expect() { grep -qx "$1" <<<"$report" || fail "report lacks '$1'"; }
expect "table,category,count"
expect "registrations_by_year,2025,1"
expect "registrations_by_year,2026,2"
expect "self_registrations,zelfmelder,1"
expect "vulnerability,zeer_kwetsbaar,1"
expect "age_at_registration,<=18,1"
expect "age_at_registration,24-30,1"
expect "age_at_registration,31-35,1"
expect "children,first,1"
expect "children,4th_or_later,1"
expect "pregnancy_stage_at_registration,delivered,1"
expect "pregnancy_stage_at_registration,13-20,1"
expect "problems_per_registration,>3,1"
expect "problems_per_registration,2,1"
expect "reasons,schulden,2"
# Only 2026 registrations.
"$admin" report --from 2026-01-01 --to 2026-12-31 --format csv | grep -qx "registrations_by_year,2025,0" && fail "range"
# No personal data: neither registration ids nor birth dates.
grep -q -e "TESTREG-0001" -e "2007-05-06" <<<"$report" && fail "personal data in the report"
"$admin" report --from 2025-01-01 --to 2026-12-31 --format text | grep -q "vulnerability" || fail "text report"

# A bad row: an error naming line and column; nothing imported.
sed 's/^TESTREG-0003,2026-02-01,wijkteam/TESTREG-0004,2026-02-31,wijkteam/; s/^TESTREG-0001,/TESTREG-0005,/; s/^TESTREG-0002,/TESTREG-0006,/' "$dir/good.csv" > "$dir/bad.csv"
if "$admin" import-registrations "$dir/bad.csv" 2> "$dir/err"; then fail "bad file accepted"; fi
grep -q "line 4, column registered_on" "$dir/err" || fail "error does not name line and column: $(cat "$dir/err")"
"$admin" report --from 2025-01-01 --to 2026-12-31 --format csv | grep -qx "registrations_by_year,2026,2" || fail "bad file imported something"

# The mother's right of access: export her dossier, readable and as JSON.
doc=$("$admin" list | awk -F'\t' '$2 == "TESTREG-0001" {print $1}')
[ -n "$doc" ] || fail "list does not show TESTREG-0001"
"$admin" export "$doc" --out "$dir/out" | grep -q "dossier-$doc.json" || fail "export"
grep -q "aanmelding" "$dir/out/dossier-$doc.txt" || fail "readable export lacks the registration"
grep -q "TESTREG-0001" "$dir/out/dossier-$doc.txt" || fail "readable export lacks the registration number"
grep -q '"registration_id": "TESTREG-0001"' "$dir/out/dossier-$doc.json" || fail "json export"
grep -q "TESTREG-0002" "$dir/out/dossier-$doc.txt" && fail "export holds another mother's data"
[ "$(stat -c %a "$dir/out/dossier-$doc.txt")" = 600 ] || fail "export readable by others"
"$admin" export 0123 --out "$dir/out" 2>/dev/null && fail "export of an unknown dossier"

# Retention: none of these dossiers is closed or has a date yet.
"$admin" retention --on 2026-11-25 | grep -q "^0 dossier(s) need a decision" || fail "retention"

# Erasure needs --yes, then the dossier is gone and the file still checks out.
"$admin" erase "$doc" 2>/dev/null && fail "erase without --yes"
"$admin" erase "$doc" --yes | grep -q "erased" || fail "erase"
"$admin" list | grep -q "TESTREG-0001" && fail "erased dossier still listed"
"$admin" list | grep -q "TESTREG-0002" || fail "erase took another dossier"
"$admin" export "$doc" --out "$dir/out2" 2>/dev/null && fail "export after erasure"
"$admin" check | grep -q "store ok; audit log: .* chain intact" || fail "check"

# A wrong PIN is refused with a clear error.
if NAAST_PIN=000000 "$admin" report --from 2025-01-01 --to 2026-12-31 2> "$dir/err"; then fail "wrong PIN accepted"; fi
grep -q "wrong PIN" "$dir/err" || fail "wrong PIN message: $(cat "$dir/err")"
# No file in the data directory holds personal data in the clear.
grep -r -q -a -e "TESTREG-0001" -e "2007-05-06" "$dir/data" && fail "plaintext in the data directory"
echo "naast-admin: all checks passed"
