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
#
# With FORMAT=ttml it times `captions convert big.ttml -o big.vtt` on a
# generated IMSC1 file against `xmllint --stream --noout big.ttml`, libxml2
# only reading the file (issue 3's target: convert takes less time).
#
#   FORMAT=ttml Tools/bench-convert.sh
set -euo pipefail

cd "$(dirname "$0")/.."
FORMAT=${FORMAT:-srt}
SIZE_MB=${SIZE_MB:-50}
RUNS=${RUNS:-5}
FFMPEG_RUNS=${FFMPEG_RUNS:-2}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "building (release)..." >&2
swift build -c release --product captions >&2
swift build -c release --package-path Tools/Benchmarks --product generate-captions >&2
CAPTIONS=.build/release/captions
case "$FORMAT" in
srt) cc -O2 -o "$WORK/newline-scan" Tools/newline-scan.c ;;
ttml) command -v xmllint > /dev/null || { echo "FORMAT=ttml needs xmllint (libxml2-utils)" >&2; exit 1; } ;;
*) echo "FORMAT must be srt or ttml, not '$FORMAT'" >&2; exit 64 ;;
esac

INPUT="$WORK/big.$FORMAT"
Tools/Benchmarks/.build/release/generate-captions "$FORMAT" "$SIZE_MB" "$INPUT"
BYTES=$(wc -c < "$INPUT")
cat "$INPUT" > /dev/null # into the page cache for every contender

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

if [ "$FORMAT" = ttml ]; then
    xmllint_ms=$(best_ms "$RUNS" xmllint --stream --noout "$INPUT")
    convert=$(best_ms "$RUNS" "$CAPTIONS" convert "$INPUT" -o "$WORK/big.vtt")
    rm -f "$WORK/big.vtt"
    "$CAPTIONS" convert "$INPUT" -o "$WORK/big.vtt" --quiet
    echo "input: $BYTES bytes of TTML ($(grep -c '<p ' "$INPUT") paragraphs); output: $(wc -c < "$WORK/big.vtt") bytes of WebVTT"
    printf '%-34s %9s %9s\n' "contender" "best ms" "MB/s"
    printf '%-34s %9s %9s\n' "xmllint --stream --noout big.ttml" "$xmllint_ms" "$(mbps "$xmllint_ms")"
    printf '%-34s %9s %9s\n' "captions convert big.ttml -o big.vtt" "$convert" "$(mbps "$convert")"
    echo "captions / xmllint: $(ratio "$convert" "$xmllint_ms")x (target: below 1x)"
    exit 0
fi

scan=$(best_ms "$RUNS" "$WORK/newline-scan" "$INPUT")
convert=$(best_ms "$RUNS" "$CAPTIONS" convert "$INPUT" -o "$WORK/big.vtt")
rm -f "$WORK/big.vtt"
"$CAPTIONS" convert "$INPUT" -o "$WORK/big.vtt" --quiet
out_bytes=$(wc -c < "$WORK/big.vtt")

echo "input: $BYTES bytes of SRT ($(grep -c -- '-->' "$INPUT") cues); output: $out_bytes bytes of WebVTT"
printf '%-34s %9s %9s\n' "contender" "best ms" "MB/s"
printf '%-34s %9s %9s\n' "C newline scan (cc -O2)" "$scan" "$(mbps "$scan")"
printf '%-34s %9s %9s\n' "captions convert big.srt -o big.vtt" "$convert" "$(mbps "$convert")"
echo "captions / C scan: $(ratio "$convert" "$scan")x (target: at most 3x)"

if command -v ffmpeg > /dev/null; then
    ffmpeg_ms=$(best_ms "$FFMPEG_RUNS" ffmpeg -nostdin -loglevel error -y -i "$INPUT" "$WORK/big.vtt")
    printf '%-34s %9s %9s\n' "ffmpeg -i big.srt big.vtt" "$ffmpeg_ms" "$(mbps "$ffmpeg_ms")"
    echo "ffmpeg / captions: $(ratio "$ffmpeg_ms" "$convert")x (target: at least 30x)"
else
    echo "ffmpeg: not installed, skipped"
fi
