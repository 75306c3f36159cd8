#!/usr/bin/env bash
# transferlab against PyTorch on the same CPU: Adam training img/s and PGD adversarial img/s of alexnet, resnet and
# mlp-mixer (depth 2). Rounds interleave the two frameworks so that both see the same machine state; medians are
# reported. PyTorch runs with the default BLAS and with Debian's OpenMP OpenBLAS first on the library path; the
# better of the two counts.
set -euo pipefail

usage() {
    cat <<EOF
usage: $0 [--rounds N] [--steps N] [--warmup N] [--threads N] [--images N] [--pgd-batch N] [--pgd-steps N]
          [--mixer-pgd] [--quick]
  --rounds     rounds, each running every measurement once (default 3)
  --steps      timed training steps per measurement (default 30); --warmup untimed ones first (default 5)
  --threads    threads for both frameworks (default: nproc)
  --images     images attacked per PGD measurement (default 256), --pgd-batch at a time (default 256)
  --pgd-steps  PGD steps (default 40; eps 0.3, step 0.01, random start)
  --mixer-pgd  also attack mlp-mixer (default: train only)
  --quick      smoke test: 1 round, 3 steps, 1 warm-up step, PGD-5 on 64 images
EOF
}

rounds=3 steps=30 warmup=5 threads=$(nproc) images=256 pgd_batch=256 pgd_steps=40 mixer_pgd=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) rounds=$2; shift ;;
        --steps) steps=$2; shift ;;
        --warmup) warmup=$2; shift ;;
        --threads) threads=$2; shift ;;
        --images) images=$2; shift ;;
        --pgd-batch) pgd_batch=$2; shift ;;
        --pgd-steps) pgd_steps=$2; shift ;;
        --mixer-pgd) mixer_pgd=true ;;
        --quick) rounds=1 steps=3 warmup=1 images=64 pgd_batch=64 pgd_steps=5 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "$0")/.."
bench=benchmarks/pytorch_bench.py
python=/usr/bin/python3   # Debian's python3-torch; a pyenv python3 on PATH would not have it
openblas_dir=/usr/lib/x86_64-linux-gnu/openblas-openmp

find_tl() { compgen -G 'dist/target/transferlab-*/bin/transferlab' | head -n 1 || true; }
TL=$(find_tl)
if [[ -z $TL ]]; then
    echo "building the distribution (mvn -B -q package -DskipTests)..."
    mvn -B -q package -DskipTests
    TL=$(find_tl)
    [[ -n $TL ]] || { echo "no dist/target/transferlab-*/bin/transferlab after the build" >&2; exit 1; }
fi
if ! "$python" -c 'import torch' 2>/dev/null; then
    echo "PyTorch is missing from $python; install Debian's: sudo apt-get install python3-torch libopenblas0-openmp" >&2
    exit 1
fi

data=$HOME/.transferlab/data/mnist
if [[ -d $data ]]; then dataset=mnist; else dataset=synthetic; fi

cpu_flags=$(grep -m 1 '^flags' /proc/cpuinfo | tr ' ' '\n')
present=()
for flag in avx2 avx512f avx512_bf16 amx_bf16; do
    grep -qx "$flag" <<<"$cpu_flags" && present+=("$flag")
done
sockets=$(lscpu | awk -F: '/^Socket\(s\)/ {gsub(/ /, "", $2); print $2}')
per_socket=$(lscpu | awk -F: '/^Core\(s\) per socket/ {gsub(/ /, "", $2); print $2}')
echo "processor: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $((${sockets:-1} * ${per_socket:-0})) cores," \
     "$(nproc) usable CPUs; flags: ${present[*]:-none of avx2 avx512f avx512_bf16 amx_bf16}"
echo "transferlab $TL on $dataset, $threads threads; $rounds rounds, $steps steps (+$warmup warm-up)," \
     "PGD-$pgd_steps on $images images in batches of $pgd_batch"

configs=(default)
if [[ -e $openblas_dir/libblas.so.3 ]]; then
    configs+=(openblas)
else
    echo "note: $openblas_dir/libblas.so.3 is missing (apt-get install libopenblas0-openmp); default BLAS only"
fi

declare -A values blas
out=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# tl ARGS...: transferlab's output in $out. It runs once more on failure: the distribution may be rebuilt under us.
tl() {
    if ! out=$("$TL" "$@" 2>"$log"); then
        sleep 5
        out=$("$TL" "$@" 2>"$log") || { echo "transferlab $* failed:" >&2; cat "$log" >&2; exit 1; }
    fi
}

# pt CONFIG ARGS...: the img/s of one pytorch_bench.py run in $out; records the BLAS libraries it loaded.
pt() {
    local config=$1 env=()
    shift
    [[ $config == openblas ]] && env=(LD_LIBRARY_PATH="$openblas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
    out=$(env "${env[@]}" "$python" "$bench" --threads "$threads" "$@" 2>"$log") \
        || { echo "pytorch_bench.py $* failed:" >&2; cat "$log" >&2; exit 1; }
    blas[$config]=$(sed -n 's/.*BLAS \(.*\), mkldnn.*/\1/p' <<<"$out")
    out=$(awk '$1 == "RESULT" {print $5}' <<<"$out")
}

record() {   # record KEY VALUE
    [[ -n $2 ]] || { echo "no result for $1 in its output" >&2; exit 1; }
    values[$1]+="$2 "
    printf '  %-32s %10s img/s\n' "$1" "$2"
}

median() {
    [[ -n ${1:-} ]] || { echo "-"; return; }
    tr ' ' '\n' <<<"$1" | grep . | sort -g |
        awk '{v[NR] = $1} END {printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

models=(alexnet resnet mlp-mixer)
tl_attack=pgd
[[ $pgd_steps == 40 ]] || tl_attack=pgd:steps=$pgd_steps
for ((round = 1; round <= rounds; round++)); do
    echo "round $round/$rounds"
    for model in "${models[@]}"; do
        tl_model=(--model "$model") pt_model=(--model "$model")
        [[ $model == mlp-mixer ]] && tl_model+=(depth=2) pt_model+=(--depth 2)
        common=(--threads "$threads" --dataset "$dataset" --rounds 1)

        # The data row starts with the thread setting; its 4th column is the training loop's img/s.
        tl bench train "${tl_model[@]}" "${common[@]}" --batch 128 --steps "$steps" --warmup "$warmup"
        record "$model transferlab train" "$(awk '$1 ~ /^([0-9]+|auto)$/ && $2 == "float32" {print $4; exit}' <<<"$out")"
        for config in "${configs[@]}"; do
            pt "$config" "${pt_model[@]}" --what train --batch 128 --steps "$steps" --warmup "$warmup" --rounds 1
            record "$model pytorch/$config train" "$out"
        done

        [[ $model == mlp-mixer && $mixer_pgd == false ]] && continue
        tl bench attack "${tl_model[@]}" "${common[@]}" --attacks "$tl_attack" --batch "$pgd_batch" --images "$images"
        record "$model transferlab pgd" "$(awk '$1 ~ /^pgd/ {print $2; exit}' <<<"$out")"
        for config in "${configs[@]}"; do
            pt "$config" "${pt_model[@]}" --what pgd --batch "$pgd_batch" --images "$images" \
                --pgd-steps "$pgd_steps" --rounds 1
            record "$model pytorch/$config pgd" "$out"
        done
    done
done

# best_config MODEL WHAT: the PyTorch configuration with the higher median.
best_config() {
    local best="" best_value=-1 config value
    for config in "${configs[@]}"; do
        value=$(median "${values[$1 pytorch/$config $2]:-}")
        [[ $value == - ]] && continue
        if awk -v a="$value" -v b="$best_value" 'BEGIN {exit !(a > b)}'; then best=$config best_value=$value; fi
    done
    echo "${best:--}"
}

ratio() {
    if [[ $1 == - || $2 == - ]]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi
}

row() { printf '%-10s %12s %12s %7s %12s %12s %7s  %s\n' "$@"; }

echo
echo "medians of $rounds rounds, img/s; ratio = transferlab / PyTorch"
row model "TL train" "PT train" ratio "TL PGD-$pgd_steps" "PT PGD-$pgd_steps" ratio "PT best BLAS (train/pgd)"
for model in "${models[@]}"; do
    train_config=$(best_config "$model" train) pgd_config=$(best_config "$model" pgd)
    tl_train=$(median "${values[$model transferlab train]:-}")
    pt_train=$(median "${values[$model pytorch/$train_config train]:-}")
    tl_pgd=$(median "${values[$model transferlab pgd]:-}")
    pt_pgd=$(median "${values[$model pytorch/$pgd_config pgd]:-}")
    row "$model" "$tl_train" "$pt_train" "$(ratio "$tl_train" "$pt_train")" \
        "$tl_pgd" "$pt_pgd" "$(ratio "$tl_pgd" "$pt_pgd")" "$train_config/$pgd_config"
done
for config in "${configs[@]}"; do
    echo "PyTorch BLAS '$config': ${blas[$config]:-?}"
done
