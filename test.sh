#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed" over all test assemblies.
# Whatever a test needs beyond the .NET SDK and Node.js (Azurite, Chromium) its fixture installs and starts itself;
# this script says what that is before the run, and what the fixtures did after it.
set -uo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
setup_log="$(mktemp)"
trap 'rm -f "$log" "$setup_log"' EXIT

# What the tests install or start, said before they run; the fixtures write what they did to $setup_log (TestSetupLog).
export COLLABORATION_TEST_SETUP_LOG="$setup_log"
chromium="${COLLABORATION_CHROMIUM:-/usr/bin/chromium}"
chromedriver="${COLLABORATION_CHROMEDRIVER:-/usr/bin/chromedriver}"
echo "test setup: what the tests need besides the .NET SDK (README, Test):"
if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
  echo "  - Chromium: $chromium with $chromedriver, run headless"
elif [ -n "${COLLABORATION_CHROMIUM:-}${COLLABORATION_CHROMEDRIVER:-}" ]; then
  echo "  - Chromium: COLLABORATION_CHROMIUM/COLLABORATION_CHROMEDRIVER name $chromium and $chromedriver, which are missing: the browser tests will fail"
else
  echo "  - Chromium: not installed; the browser tests install Debian's chromium and chromium-driver with apt-get (needs root)"
fi
if [ -n "${COLLABORATION_AZURITE:-}" ]; then
  echo "  - Azurite: the one in $COLLABORATION_AZURITE (COLLABORATION_AZURITE), started on loopback ports and stopped by the tests"
elif [ -f .tools/azurite/installed-3.37.0 ]; then
  echo "  - Azurite: azurite@3.37.0 in .tools/azurite, started on loopback ports and stopped by the tests"
else
  echo "  - Azurite: azurite@3.37.0 is installed with npm into .tools/azurite (needs Node.js and the npm registry), then started and stopped by the tests"
fi
if [ -f .tools/ical.js/installed-2.2.1 ]; then
  echo "  - ical.js: ical.js@2.2.1 in .tools/ical.js, run with Node.js"
else
  echo "  - ical.js: ical.js@2.2.1 is installed with npm into .tools/ical.js (needs Node.js and the npm registry)"
fi
echo "  - no database server: the tests use SQLite files in temporary folders (PostgreSQL appears only in bench/)"

dotnet test Collaboration.sln -c "$configuration" --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed! - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed! ...") line per assembly.
read -r passed failed < <(grep -E '^(Passed|Failed)!' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), *Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
assemblies=$(grep -cE '^(Passed|Failed)!' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before reporting: count it as a failure rather than a pass.
  failed=1
fi
if [ -s "$setup_log" ]; then
  echo "test setup, as done by the tests:"
  grep -v "starting Azurite" "$setup_log" | sort -u | sed 's/^/  /'
  started=$(grep -c "starting Azurite" "$setup_log")
  [ "$started" -gt 0 ] && echo "  [test setup] Azurite's table service started $started times (once per Azure Table test class and restart), each stopped"
fi
echo "tests: $assemblies assemblies"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
