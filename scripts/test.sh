#!/usr/bin/env bash
# Runs every test project of Orleans.sln, after setting up what the tests need.
#
#   scripts/test.sh                          all test projects
#   scripts/test.sh Domain.Tests Web.Tests   only these test projects (the whole solution is still built)
#   scripts/test.sh -- --filter Name~Rating  everything after `--` goes to each `dotnet test`
#
# Set-up (each step is idempotent, so running this again is cheap):
#   - test data: QUORUM_TEST_DATA, or ../shared/data beside the repo, exported as an absolute path;
#   - PostgreSQL: scripts/ensure-postgres.sh; its last stdout line is exported as QUORUM_TEST_POSTGRES
#     (skipped when QUORUM_TEST_POSTGRES is already set, to test against a server of your own);
#   - Chromium at /usr/bin/chromium (scripts/ensure-chromium.sh) and node/npm (scripts/ensure-node.sh).
# Then one Release build of the solution, then each test project with --no-build, a TRX logger and a
# hang timeout. Logs, TRX files and blame sequences go to TestResults/ (cleared at every run).
#
# The last line printed is always `tests: N passed, N failed`. Exit status is 0 only when nothing
# failed and at least one test passed. A test project that does not build, or whose run crashes, hangs
# or times out, counts the tests known to have failed and at least 1.
#
# Knobs (environment): QUORUM_TEST_HANG_TIMEOUT (default 5m, per test), QUORUM_TEST_PROJECT_TIMEOUT
# (default 2400 s per test project), QUORUM_TEST_BUDGET (seconds for the whole script, default 4800
# when CI is set, else none), QUORUM_TEST_JOBS (test projects run at once, default: cores, at most 4).
set -uo pipefail   # no -e: every path must reach the summary line

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT" || exit 1

SLN=Orleans.sln
RESULTS="$ROOT/TestResults"
HANG_TIMEOUT="${QUORUM_TEST_HANG_TIMEOUT:-5m}"
PROJECT_TIMEOUT="${QUORUM_TEST_PROJECT_TIMEOUT:-2400}"
BUILD_TIMEOUT=1800
SETUP_TIMEOUT=1200
if [[ -n ${QUORUM_TEST_BUDGET:-} ]]; then BUDGET=$QUORUM_TEST_BUDGET
elif [[ -n ${CI:-} && ${CI:-} != false ]]; then BUDGET=4800
else BUDGET=0; fi
cores=$(nproc 2>/dev/null || echo 2)
JOBS="${QUORUM_TEST_JOBS:-$(( cores > 4 ? 4 : cores ))}"
(( JOBS >= 1 )) 2>/dev/null || JOBS=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDTERMINALLOGGER=off MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NUGET_XMLDOC_MODE=skip

passed=0
failed=0
summary_printed=0
declare -a running_pids=()

say() { printf '%s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }

# Prints the summary as the very last line and exits.
finish() {
    local rc=0
    if (( failed > 0 )); then rc=1
    elif (( passed == 0 )); then warn "no test ran"; rc=1; fi
    summary_printed=1
    trap - EXIT INT TERM
    printf 'tests: %d passed, %d failed\n' "$passed" "$failed"
    exit "$rc"
}

# A set-up step failed: nothing can be tested.
die() {
    warn "$*"
    (( failed += 1 ))
    finish
}

on_signal() {
    warn "interrupted; stopping"
    local pid
    for pid in "${running_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${running_pids[@]}"; do wait "$pid" 2>/dev/null; done
    (( failed += 1 ))
    finish
}
on_exit() { (( summary_printed )) || { (( failed += 1 )); warn "stopped unexpectedly"; finish; }; }
trap on_signal INT TERM
trap on_exit EXIT

# Seconds left for a step: the smaller of its own limit and what is left of the budget.
limit() {
    local own=$1
    if (( BUDGET > 0 )); then
        local left=$(( BUDGET - SECONDS ))
        (( left < own )) && own=$left
    fi
    (( own < 1 )) && own=1
    echo "$own"
}

# Runs a command in the background under `timeout` (its own process group, killed whole on expiry)
# and waits for it, so that a signal to this script is handled at once. Returns its exit status.
run_limited() {
    local seconds=$1; shift
    timeout -k 30 "$seconds" "$@" </dev/null &
    local pid=$!
    running_pids+=("$pid")
    wait "$pid"
    local rc=$?
    forget_pid "$pid"
    return "$rc"
}

forget_pid() {
    local keep=() p
    for p in "${running_pids[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
    running_pids=("${keep[@]}")
}

show_tail() {  # file [lines]
    [[ -s $1 ]] || return 0
    warn "--- last lines of ${1#"$ROOT"/} ---"
    tail -n "${2:-30}" "$1" | sed 's/^/    /' >&2
}

# ---------------------------------------------------------------- arguments
declare -a selected=() test_args=()
while (( $# )); do
    case $1 in
        --) shift; test_args=("$@"); break ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; summary_printed=1; exit 0 ;;
        *) selected+=("$1"); shift ;;
    esac
done

rm -rf "$RESULTS"
mkdir -p "$RESULTS/setup" || die "cannot create $RESULTS"

command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"

# ---------------------------------------------------------------- test projects
declare -a projects=()   # repo-relative .csproj paths, in solution order
list_out=$(dotnet sln "$SLN" list 2>&1 </dev/null) || { warn "$list_out"; die "cannot list the projects of $SLN"; }
while IFS= read -r line; do
    line=${line//\\//}; line=${line%$'\r'}
    [[ $line == *.csproj && -f $line ]] || continue
    grep -qiE '<IsTestProject>\s*true|Microsoft\.NET\.Test\.Sdk' "$line" || continue
    name=$(basename "$line" .csproj)
    if (( ${#selected[@]} )); then
        wanted=0
        for s in "${selected[@]}"; do [[ $s == "$name" || $s == "$line" || $s == "$(dirname "$line")" ]] && wanted=1; done
        (( wanted )) || continue
    fi
    projects+=("$line")
done <<<"$list_out"
if (( ${#selected[@]} && ${#projects[@]} != ${#selected[@]} )); then
    die "unknown test project among: ${selected[*]}"
fi
(( ${#projects[@]} )) || die "no test project found in $SLN"

# ---------------------------------------------------------------- set-up
if [[ -n ${QUORUM_TEST_DATA:-} ]]; then
    [[ -d $QUORUM_TEST_DATA ]] || die "QUORUM_TEST_DATA=$QUORUM_TEST_DATA is not a folder"
    data=$QUORUM_TEST_DATA
else
    data="$ROOT/../shared/data"
    [[ -d $data ]] || die "test data not found at $data; put shared/ beside the repo or set QUORUM_TEST_DATA"
fi
QUORUM_TEST_DATA="$(cd "$data" && pwd -P)" || die "cannot read test data folder $data"
export QUORUM_TEST_DATA
say "setup: test data $QUORUM_TEST_DATA"

# Each ensure script writes to files, never to our stdout: a daemon it starts must not hold our pipe.
ensure() {  # name script -> sets ensure_out to its last stdout line
    local name=$1 script=$2 out="$RESULTS/setup/$1.out" err="$RESULTS/setup/$1.err" rc
    [[ -f $script ]] || die "$name: $script is missing"
    run_limited "$(limit "$SETUP_TIMEOUT")" bash "$script" >"$out" 2>"$err"
    rc=$?
    if (( rc != 0 )); then
        show_tail "$out" 20; show_tail "$err" 40
        (( rc == 124 )) && die "$name: $script timed out"
        die "$name: $script failed (exit $rc)"
    fi
    ensure_out=$(tail -n 1 "$out" | tr -d '\r')
}

if [[ -n ${QUORUM_TEST_POSTGRES:-} ]]; then
    say "setup: postgres from QUORUM_TEST_POSTGRES (ensure-postgres.sh not run)"
else
    ensure postgres scripts/ensure-postgres.sh
    [[ $ensure_out == *Host=* ]] || { show_tail "$RESULTS/setup/postgres.out" 10; die "postgres: scripts/ensure-postgres.sh did not end with a connection string"; }
    export QUORUM_TEST_POSTGRES="$ensure_out"
    say "setup: postgres $(sed -E 's/(Password=)[^;]*/\1***/I' <<<"$QUORUM_TEST_POSTGRES")"
fi

ensure chromium scripts/ensure-chromium.sh
say "setup: $ensure_out"
ensure node scripts/ensure-node.sh
say "setup: $ensure_out"

# ---------------------------------------------------------------- build
build_log="$RESULTS/build.log"        # normal verbosity, for reading
build_errors="$RESULTS/build-errors.log"
build_start=$SECONDS
run_limited "$(limit "$BUILD_TIMEOUT")" dotnet build "$SLN" -c Release --disable-build-servers -nologo \
    "-flp:logfile=$build_log;verbosity=normal" "-flp1:logfile=$build_errors;errorsonly" \
    -clp:NoSummary -v:q >"$RESULTS/build.console.log" 2>&1
build_rc=$?
build_secs=$(( SECONDS - build_start ))
declare -A build_failed=()
if (( build_rc == 0 )); then
    say "build: ok (${build_secs}s)"
else
    if (( build_rc == 124 )); then warn "build timed out after ${build_secs}s"; else warn "build failed (exit $build_rc, ${build_secs}s)"; fi
    if [[ -s $build_errors ]]; then
        warn "--- build errors (all in ${build_errors#"$ROOT"/}, details in ${build_log#"$ROOT"/}) ---"
        sed -E 's/^\xEF\xBB\xBF//; s/^[[:space:]]*[0-9]+(:[0-9]+)?>//; s/ \[[^]]*\]$//; s#'"$ROOT"'/##' "$build_errors" \
            | awk 'NF && !seen[$0]++' | head -n 60 | sed 's/^/    /' >&2
    else
        show_tail "$RESULTS/build.console.log" 40
    fi
    # A project counts as built only if MSBuild logged its build as done without failing: after a
    # failed reference it is not built at all, and its old binaries must not be tested.
    declare -A built_ok=()
    while IFS= read -r p; do built_ok["$p"]=1
    done < <(sed -nE 's/.*Done Building Project "([^"]+)" \(default targets\)\.$/\1/p' "$build_log" 2>/dev/null | tr -d '\r' | sort -u)
    for t in "${projects[@]}"; do [[ -n ${built_ok["$ROOT/$t"]:-} ]] || build_failed["$ROOT/$t"]=1; done
    others=()
    while IFS= read -r p; do
        case $p in *.sln|*.slnx|*.metaproj) continue ;; esac
        is_test=0
        for t in "${projects[@]}"; do [[ $p == "$ROOT/$t" ]] && is_test=1; done
        (( is_test )) || others+=("${p#"$ROOT"/}")
    done < <(sed -nE 's/.*Done Building Project "([^"]+)".*-- FAILED\..*/\1/p' "$build_log" 2>/dev/null | sort -u)
    # A failed build always turns the run red: if every test project built (the failure is in a
    # project no test depends on), it counts as 1 failed here; otherwise each test project that did
    # not build counts below.
    what="build: FAILED${others[*]:+: ${others[*]}}"
    unbuilt=0
    for t in "${projects[@]}"; do [[ -n ${build_failed["$ROOT/$t"]:-} ]] && (( unbuilt += 1 )); done
    if (( unbuilt == 0 )); then
        (( failed += 1 ))
        say "$what (counted as 1 failed)"
    else
        say "$what"
    fi
fi

# ---------------------------------------------------------------- run
declare -A pid_project=() project_start=() project_rc=()

start_project() {  # csproj
    local proj=$1 name
    name=$(basename "$proj" .csproj)
    local limit_s
    limit_s=$(limit "$PROJECT_TIMEOUT")
    project_start[$proj]=$SECONDS
    timeout -k 30 "$limit_s" dotnet test "$proj" -c Release --no-build \
        --results-directory "$RESULTS/$name" \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=normal" \
        --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
        "${test_args[@]}" </dev/null >"$RESULTS/$name.log" 2>&1 &
    local pid=$!
    running_pids+=("$pid")
    pid_project[$pid]=$proj
}

reap_one() {  # waits for any running project to end and records its exit status
    local done_pid rc
    wait -n -p done_pid "${!pid_project[@]}"
    rc=$?
    [[ -n ${done_pid:-} && -n ${pid_project[$done_pid]:-} ]] || return 0
    project_rc[${pid_project[$done_pid]}]=$rc
    project_start[${pid_project[$done_pid]}]=$(( SECONDS - ${project_start[${pid_project[$done_pid]}]} ))
    unset "pid_project[$done_pid]"
    forget_pid "$done_pid"
}

declare -a to_run=()
for proj in "${projects[@]}"; do
    if [[ -n ${build_failed["$ROOT/$proj"]:-} ]]; then continue; fi
    to_run+=("$proj")
done
for proj in "${to_run[@]}"; do
    while (( ${#pid_project[@]} >= JOBS )); do reap_one; done
    if (( BUDGET > 0 && BUDGET - SECONDS < 30 )); then project_rc[$proj]=125; continue; fi
    start_project "$proj"
done
while (( ${#pid_project[@]} )); do reap_one; done

# ---------------------------------------------------------------- count
trx_counter() {  # counters-element name
    sed -nE "s/.* $2=\"([0-9]+)\".*/\1/p" <<<"$1"
}

# Prints the failed tests' messages from a console log (normal verbosity), shortened.
show_failures() {  # log
    awk '
        /^  Failed / { on = 1; n = 0 }
        /^  (Passed|Skipped) / || /^Results File:/ || /^Test Run / || /^Total tests:/ || /^Data collector / || /^\[xUnit\.net / { on = 0 }
        on && n < 25 { print "    " $0; n++ }
        on && n == 25 { print "    ..."; n++ }
    ' "$1" | head -n 200 >&2
}

# Names of the tests that were running when the test host crashed or was killed for hanging.
crashed_tests() {  # log
    awk '
        /^The tests? running when the crash occurred:/ { on = 1; next }
        on && /^[[:space:]]*$/ { if (seen) on = 0; next }
        on && /This test may, or may not/ { on = 0; next }
        on && /^These tests may, or may not/ { on = 0; next }
        on { sub(/^[[:space:]]+/, ""); print; seen = 1 }
    ' "$1" | sort -u
}

for proj in "${projects[@]}"; do
    name=$(basename "$proj" .csproj)
    log="$RESULTS/$name.log"
    trx="$RESULTS/$name/$name.trx"
    p=0 f=0 skipped=0 problem="" secs=0
    if [[ -n ${build_failed["$ROOT/$proj"]:-} ]]; then
        f=1; problem="did not build"
    elif [[ ${project_rc[$proj]:-} == 125 ]]; then
        f=1; problem="not run: out of time"
    else
        rc=${project_rc[$proj]:-1}
        secs=${project_start[$proj]:-0}
        counters=""
        [[ -f $trx ]] && counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
        if [[ -n $counters ]]; then
            p=$(trx_counter "$counters" passed); p=${p:-0}
            for k in failed error timeout aborted; do v=$(trx_counter "$counters" "$k"); (( f += ${v:-0} )); done
            skipped=$(trx_counter "$counters" notExecuted); skipped=${skipped:-0}
        fi
        if (( rc == 124 || rc == 137 )); then
            problem="timed out after ${secs}s"
        elif grep -q "Test Run Aborted" "$log" 2>/dev/null; then
            if grep -q "The specified inactivity time" "$log"; then problem="a test hung (over $HANG_TIMEOUT)"
            else problem="test host crashed"; fi
        elif (( rc != 0 && f == 0 )); then
            if [[ -z $counters ]]; then problem="no results (exit $rc)"; else problem="exit $rc"; fi
        fi
        if [[ -n $problem ]]; then
            # Results the host sent before it died are in the TRX; add the tests it was running.
            mapfile -t stuck < <(crashed_tests "$log" 2>/dev/null)
            (( f += ${#stuck[@]} ))
            (( f == 0 )) && f=1
            (( ${#stuck[@]} )) && problem+="; running then: ${stuck[*]}"
        elif (( p == 0 && f == 0 )); then
            problem="no test found"
        fi
    fi
    (( passed += p, failed += f ))
    detail=""
    (( skipped > 0 )) && detail="$skipped skipped, "
    [[ -n $problem ]] && detail+="$problem, "
    [[ $problem == "timed out"* || $problem == "did not build" || $problem == "not run"* ]] || detail+="${secs}s"
    detail=${detail%, }
    say "test: $(printf '%-16s' "$name") $p passed, $f failed ($detail)"
    if (( f > 0 )) && [[ -f $log ]]; then
        show_failures "$log"
        if [[ -n $problem ]]; then
            awk '
                /^Process terminated/ { print; if ((getline next_line) > 0) print next_line; next }
                /^The active test run was aborted|Data collector .Blame. message: The specified|^Unhandled exception|^[A-Za-z.]*Exception:|No test source files|was not found|: error / { print }
            ' "$log" | cut -c1-300 | awk '!seen[$0]++' | head -n 15 | sed 's/^/    /' >&2
        fi
        warn "log: ${log#"$ROOT"/}"
    fi
done

finish
