#!/usr/bin/env bash
# Coverage-guided fuzzing of the file readers (cargo-fuzz, libFuzzer, nightly Rust); see docs/fuzzing.md.
# Run by hand, not by CI (too slow):
#
#   ./scripts/fuzz.sh                          # the four reader targets, FUZZ_SECONDS (default 120) each
#   FUZZ_SECONDS=600 ./scripts/fuzz.sh xlsx_import csv_import
#   FUZZ_KEEP_GOING=1 ./scripts/fuzz.sh        # do not stop a target at its first crash (libFuzzer -fork=1)
#   FUZZ_SANITIZER=none ./scripts/fuzz.sh      # faster, but a stack overflow leaves no crash file
#
# One target at a time, one fuzzing process (one core). Each input has 10 s and 1024 MB: a hang or a memory
# blow-up is a crash too. The working corpus grows in fuzz/corpus/<target>/ (not committed); the seeds are
# fuzz/seeds/<target>/ (committed), tests/hostile/ and, for scenario_text, scenarios/ and tests/fixtures/.
# Crashes are written to fuzz/artifacts/<target>/. Exits 1 when any target found one, after naming the files.
# The build goes to $CARGO_TARGET_DIR when set, else fuzz/target/.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-120}"
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=(scenario_text share_link csv_import xlsx_import); fi

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal || exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz || exit 2
fi

# AddressSanitizer by default: the crate forbids unsafe code, but only ASan turns a stack overflow (deep
# recursion) into a reported crash with a crash file; without it the process just dies of SIGSEGV (exit 139)
# and the input is lost. FUZZ_SANITIZER=none runs faster and still catches panics, hangs and memory blow-ups.
build_flags=(--sanitizer "${FUZZ_SANITIZER:-address}")
# ASan's quarantine of freed memory alone holds about 500 MB, which would eat most of the 1024 MB limit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16}"
if [[ -n "${CARGO_TARGET_DIR:-}" ]]; then build_flags+=(--target-dir "$CARGO_TARGET_DIR"); fi

seeds_of() {
  local dirs=("$root/fuzz/seeds/$1" "$root/tests/hostile") # every target takes any bytes: all hostile files seed all
  if [[ $1 == scenario_text ]]; then dirs+=("$root/scenarios" "$root/tests/fixtures"); fi
  for dir in "${dirs[@]}"; do [[ -d $dir ]] && echo "$dir"; done
}

mkdir -p fuzz/logs
failed=()
summary=()
for target in "${targets[@]}"; do
  echo "== $target: building"
  cargo +nightly fuzz build "${build_flags[@]}" "$target" || exit 2
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  mapfile -t seeds < <(seeds_of "$target")
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1)
  if [[ -f fuzz/dicts/$target.dict ]]; then options+=(-dict="$root/fuzz/dicts/$target.dict"); fi
  if [[ -n "${FUZZ_KEEP_GOING:-}" ]]; then
    options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  log="fuzz/logs/$target.log"
  marker="$(mktemp)"
  echo "== $target: fuzzing for $seconds s (log: $log)"
  cargo +nightly fuzz run "${build_flags[@]}" "$target" "$root/fuzz/corpus/$target" "${seeds[@]}" -- \
    "${options[@]}" >"$log" 2>&1
  status=$?
  executions="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+$')"
  if [[ -z $executions ]]; then # fork mode prints a running count instead
    executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
  fi
  elapsed="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second|time: [0-9]+s' "$log" | tail -n 1 | grep -oE '[0-9]+ second|[0-9]+s$' | grep -oE '[0-9]+')"
  mapfile -t found < <(find "fuzz/artifacts/$target" -type f -newer "$marker" \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
  rm -f "$marker"
  if [[ ${#found[@]} -gt 0 || ($status -ne 0 && -z ${FUZZ_KEEP_GOING:-}) ]]; then
    failed+=("$target")
    summary+=("$target: FOUND ${#found[@]} (exit $status), ${executions:-?} executions in ${elapsed:-?} s")
    echo "== $target: found a problem (exit $status); the reason is near the end of $log"
    grep -E '^(thread .* panicked|==[0-9]+== ?ERROR|SUMMARY)' "$log" | sort -u | head -n 10
    if [[ ${#found[@]} -eq 0 ]]; then
      echo "   no crash file: the process died (exit 139 is SIGSEGV, a stack overflow without ASan);"
      echo "   a seed may be the cause (tests/hostile/ holds open findings): see the last 'Running:' in the log"
    fi
    for file in "${found[@]}"; do echo "   crash file: $root/$file"; done
    echo "   reproduce: cargo +nightly fuzz run ${build_flags[*]} $target <crash file>"
    echo "   minimise:  cargo +nightly fuzz tmin ${build_flags[*]} $target <crash file>"
  else
    summary+=("$target: ok, ${executions:-?} executions in ${elapsed:-?} s")
  fi
done

echo
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "crashes in: ${failed[*]} (files in fuzz/artifacts/<target>/)"
  exit 1
fi
