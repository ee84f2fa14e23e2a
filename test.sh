#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed" over all test assemblies.
# Whatever a test needs beyond the .NET SDK and Node.js (Azurite, Chromium) its fixture installs and starts itself.
set -uo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

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
echo "tests: $assemblies assemblies"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
