#!/usr/bin/env bash
# Fuzzes the caption readers and convert round trips with libFuzzer.
#
#   Tools/fuzz.sh [SECONDS] [TARGET...]     run each target for SECONDS (default 600)
#   Tools/fuzz.sh keep TARGET ARTIFACT      keep a finding as a regression fixture
#
# TARGET is FuzzSRT, FuzzWebVTT, FuzzTTML, FuzzArticle or FuzzRoundTrip (default:
# all that exist). Each run starts from the corpus grown by earlier runs
# (Tools/Fuzz/corpus-work/TARGET, not committed) plus seeds from Captions/ and
# Tests/CaptionsTests/Fixtures. A crash, a broken check, a hang (over 10 s for
# one input) or memory over 2 GB stops the target and leaves the input in
# Tools/Fuzz/artifacts/TARGET/. Keep it with `keep`: the test suite
# (FuzzRegressionTests) then replays it through the same checks forever.
set -euo pipefail
cd "$(dirname "$0")/.."

fixtures=Tests/CaptionsTests/Fixtures/fuzz-regressions
all_targets=()
for dir in Tools/Fuzz/Fuzz*/; do
    name=$(basename "$dir")
    [[ $name == FuzzChecks ]] || all_targets+=("$name")
done

if [[ ${1:-} == keep ]]; then
    target=${2:?usage: Tools/fuzz.sh keep TARGET ARTIFACT}
    artifact=${3:?usage: Tools/fuzz.sh keep TARGET ARTIFACT}
    mkdir -p "$fixtures/$target"
    cp "$artifact" "$fixtures/$target/$(basename "$artifact")"
    echo "kept $fixtures/$target/$(basename "$artifact")"
    exit 0
fi

seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

# Which seed files suit which target.
seed_pattern() {
    case $1 in
        FuzzSRT) echo '.*\.srt' ;;
        FuzzWebVTT) echo '.*\.vtt' ;;
        FuzzTTML) echo '.*\.\(ttml\|dfxp\|xml\)' ;;
        FuzzArticle) echo '.*\.html?' ;;
        *) echo '.*\.\(srt\|vtt\|ttml\|dfxp\|xml\)' ;;
    esac
}

dictionary() {
    case $1 in
        FuzzSRT) echo Tools/Fuzz/dictionaries/srt.dict ;;
        FuzzWebVTT) echo Tools/Fuzz/dictionaries/webvtt.dict ;;
        FuzzTTML) echo Tools/Fuzz/dictionaries/ttml.dict ;;
        FuzzArticle) echo Tools/Fuzz/dictionaries/html.dict ;;
        *) echo Tools/Fuzz/dictionaries/captions.dict ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    echo "== $target: building"
    mkdir -p .build-fuzz
    log=.build-fuzz/build-$target.log
    if ! swift build -c release --product "$target" --scratch-path .build-fuzz \
        --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address > "$log" 2>&1; then
        grep -E error "$log" | head -5
        echo "$target: build failed (see $log)"
        status=1
        continue
    fi
    rm -f "$log"
    binary=.build-fuzz/release/$target

    corpus=Tools/Fuzz/corpus-work/$target
    artifacts=Tools/Fuzz/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    find Captions Tests/CaptionsTests/Fixtures -type f -regex "$(seed_pattern "$target")" -size -1024k \
        -exec cp {} "$corpus/" \;
    if [[ -d $fixtures/$target ]]; then cp "$fixtures/$target"/* "$corpus/" 2>/dev/null || true; fi

    echo "== $target: fuzzing for $seconds s from $(ls "$corpus" | wc -l) inputs"
    # SWIFT_BACKTRACE=enable=no: let libFuzzer, not Swift's backtracer, see a
    # trap, so it writes the input out and exits at once.
    set +e
    SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
        -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -use_value_profile=1 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        > "$artifacts/last-run.log" 2>&1
    rc=$?
    set -e
    grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "$artifacts/last-run.log" | tail -2 || true
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^Done' "$artifacts/last-run.log" || true
    if [[ $rc -ne 0 ]]; then
        echo "$target: FINDING (libFuzzer exit $rc); see $artifacts/last-run.log:"
        grep -E 'ERROR|Fatal error|Test unit written|timeout' "$artifacts/last-run.log" | head -5
        status=1
    else
        echo "$target: no finding"
    fi
done
exit $status
