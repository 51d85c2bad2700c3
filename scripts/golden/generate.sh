#!/usr/bin/env bash
# Regenerate the golden fixtures in __tests__/fixtures/golden/ from reference implementations
# (scikit-learn / scipy / statsmodels / numpy via generate.py, pROC via delong.R). Run by hand (`npm run golden`);
# CI never runs this, it only reads the committed fixtures. See scripts/golden/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/__tests__/fixtures/golden"

# Debian's python3 (where python3-sklearn etc. live), not a pyenv/venv python that may shadow it.
PYTHON="${GOLDEN_PYTHON:-/usr/bin/python3}"
RSCRIPT="${GOLDEN_RSCRIPT:-Rscript}"

"$PYTHON" -c 'import numpy, scipy, sklearn, statsmodels' 2>/dev/null || {
  echo "golden: $PYTHON lacks numpy/scipy/scikit-learn/statsmodels (apt-get install python3-sklearn python3-scipy python3-statsmodels)" >&2
  exit 1
}
"$RSCRIPT" -e 'suppressPackageStartupMessages({library(pROC); library(jsonlite)})' >/dev/null 2>&1 || {
  echo "golden: R with pROC and jsonlite is needed (apt-get install r-cran-proc r-cran-jsonlite)" >&2
  exit 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PYTHON" "$here/generate.py" prepare "$work"
"$RSCRIPT" "$here/delong.R" "$work"
tmp_out="$work/out"
"$PYTHON" "$here/generate.py" finish "$work" "$tmp_out"
# the gate families of issue 4 (segments, fairness, operations, data, cost); adds itself to manifest.json
"$PYTHON" "$here/families.py" "$tmp_out"
# exact binomial bounds (Clopper-Pearson, exact McNemar) of issue 11; adds itself to manifest.json
"$PYTHON" "$here/exact.py" "$tmp_out"
# Tango's score interval for paired proportions: constrained ML by scipy brentq; adds itself to manifest.json
"$PYTHON" "$here/tango.py" "$tmp_out"
# the tilted score interval of a mean: exponential tilting solved by scipy brentq; adds itself to manifest.json
"$PYTHON" "$here/tilted.py" "$tmp_out"
# clustered intervals (columns.cluster): statsmodels cluster-robust se, Obuchowski's clustered DeLong in numpy
"$PYTHON" "$here/cluster.py" "$tmp_out"
# ROC-AUC from score-binned counts (issue 14): pROC's paired DeLong on the expanded counts tables
"$RSCRIPT" "$here/binned.R" "$tmp_out"
# power, sample size and Holm references of the decision rules (issue 18)
"$PYTHON" "$here/power.py" "$tmp_out"
# the release gates of issue 16 (exact failure-rate intervals, paired pass rates); adds itself to manifest.json
"$PYTHON" "$here/release_gates.py" "$tmp_out"
# the canary stage's confidence sequences (issue 17); adds itself to manifest.json
"$PYTHON" "$here/canary.py" "$tmp_out"
# ranking metrics and the score task (issue 15): definitions in numpy, scikit-learn's ndcg_score without ties
"$PYTHON" "$here/ranking.py" "$tmp_out"

# replace the fixtures only after everything succeeded
mkdir -p "$out"
rm -f "$out"/*.json
cp "$tmp_out"/*.json "$out"/
echo "golden: wrote $(ls "$out"/*.json | wc -l) fixtures, $(du -ch "$out"/*.json | tail -1 | cut -f1) total, to ${out#"$root"/}"
