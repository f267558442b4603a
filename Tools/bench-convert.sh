#!/usr/bin/env bash
# End-to-end speed of `captions convert big.srt -o big.vtt` (release build) on a
# generated SRT file, against the floor of reading the same file and scanning
# it for newlines in C (Tools/newline-scan.c, cc -O2), and against ffmpeg when
# it is installed.
#
#   Tools/bench-convert.sh            # 50 MiB, best of 5 runs
#   SIZE_MB=10 RUNS=3 Tools/bench-convert.sh
#
# Targets (issue 2): within 3x the C newline scan; 30x faster than ffmpeg.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-50}
RUNS=${RUNS:-5}
FFMPEG_RUNS=${FFMPEG_RUNS:-2}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "building (release)..." >&2
swift build -c release --product captions >&2
swift build -c release --package-path Tools/Benchmarks --product generate-captions >&2
cc -O2 -o "$WORK/newline-scan" Tools/newline-scan.c
CAPTIONS=.build/release/captions

Tools/Benchmarks/.build/release/generate-captions srt "$SIZE_MB" "$WORK/big.srt"
BYTES=$(wc -c < "$WORK/big.srt")
cat "$WORK/big.srt" > /dev/null # into the page cache for every contender

# best_ms RUNS COMMAND...: the fastest wall time of RUNS runs, in milliseconds.
# big.vtt is removed before each run, so `convert` never meets an existing output.
best_ms() {
    local runs=$1 best="" start end ms
    shift
    for _ in $(seq "$runs"); do
        rm -f "$WORK/big.vtt"
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}

mbps() { awk -v b="$BYTES" -v ms="$1" 'BEGIN { printf "%.0f", (ms > 0 ? b / 1e6 / (ms / 1000) : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }

scan=$(best_ms "$RUNS" "$WORK/newline-scan" "$WORK/big.srt")
convert=$(best_ms "$RUNS" "$CAPTIONS" convert "$WORK/big.srt" -o "$WORK/big.vtt")
rm -f "$WORK/big.vtt"
"$CAPTIONS" convert "$WORK/big.srt" -o "$WORK/big.vtt" --quiet
out_bytes=$(wc -c < "$WORK/big.vtt")

echo "input: $BYTES bytes of SRT ($(grep -c -- '-->' "$WORK/big.srt") cues); output: $out_bytes bytes of WebVTT"
printf '%-34s %9s %9s\n' "contender" "best ms" "MB/s"
printf '%-34s %9s %9s\n' "C newline scan (cc -O2)" "$scan" "$(mbps "$scan")"
printf '%-34s %9s %9s\n' "captions convert big.srt -o big.vtt" "$convert" "$(mbps "$convert")"
echo "captions / C scan: $(ratio "$convert" "$scan")x (target: at most 3x)"

if command -v ffmpeg > /dev/null; then
    ffmpeg_ms=$(best_ms "$FFMPEG_RUNS" ffmpeg -nostdin -loglevel error -y -i "$WORK/big.srt" "$WORK/big.vtt")
    printf '%-34s %9s %9s\n' "ffmpeg -i big.srt big.vtt" "$ffmpeg_ms" "$(mbps "$ffmpeg_ms")"
    echo "ffmpeg / captions: $(ratio "$ffmpeg_ms" "$convert")x (target: at least 30x)"
else
    echo "ffmpeg: not installed, skipped"
fi
