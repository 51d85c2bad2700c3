# pROC reference values for ROC-AUC from score-binned counts (issue 14; run by scripts/golden/generate.sh, not by CI).
#
#   Rscript binned.R OUTDIR
#
# Writes OUTDIR/binned-delong.json: per case a counts table (label, candidate bin, champion bin, count; the bin is
# its lower edge floor(score * bins) / bins, as docs/sql/counts.*.sql write it), and pROC's paired DeLong test on
# the table expanded to one row per example (scores tied within a bin), at confidence 0.95 and 0.90; each model's
# share of (positive, negative) pairs in one bin, counted from the expanded rows with table(); and pROC's AUCs of
# the unbinned scores, which must lie within half that share of the binned ones (asserted here).
# Numbers are written with sprintf("%.17g") (full double precision).

suppressPackageStartupMessages({
  library(pROC)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript binned.R OUTDIR")
outdir <- args[[1]]
LEVELS <- c(0.95, 0.90)

source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "json-writer.R"))

delong_levels <- function(roc1, roc2) {
  v1 <- var(roc1, method = "delong")
  v2 <- var(roc2, method = "delong")
  cv <- cov(roc1, roc2, method = "delong")
  se <- sqrt(v1 + v2 - 2 * cv)
  lapply(LEVELS, function(cl) {
    t <- roc.test(roc1, roc2, paired = TRUE, method = "delong", conf.level = cl)
    delta <- unname(t$estimate[1]) - unname(t$estimate[2])
    zq <- qnorm((1 + cl) / 2)
    stopifnot(abs(t$conf.int[1] - (delta - zq * se)) < 1e-12, abs(t$conf.int[2] - (delta + zq * se)) < 1e-12)
    list(confidence_level = cl, auc1 = unname(t$estimate[1]), auc2 = unname(t$estimate[2]), delta = delta,
         conf_int = arr(as.numeric(t$conf.int)), statistic_z = unname(t$statistic), p_value = t$p.value,
         se = se, var_candidate = v1, var_champion = v2, cov = cv)
  })
}

# Share of (positive, negative) pairs whose scores are equal, from the expanded rows.
tied_share <- function(y, s) {
  tab <- table(factor(s), factor(y, levels = c(0, 1)))
  sum(as.numeric(tab[, "1"]) * as.numeric(tab[, "0"])) / (sum(y == 1) * sum(y == 0))
}

roc_of <- function(y, s) roc(y, s, direction = "<", levels = c(0, 1), quiet = TRUE)

binned_case <- function(name, y, cand, champ, bins, source) {
  cb <- floor(cand * bins) / bins
  hb <- floor(champ * bins) / bins
  agg <- aggregate(list(count = rep(1, length(y))), by = list(label = y, candidate_bin = cb, champion_bin = hb), FUN = sum)
  agg <- agg[order(agg$label, agg$candidate_bin, agg$champion_bin), ]
  # pROC on the counts table expanded to one row per example: the rows the counts stand for.
  ey <- rep(agg$label, agg$count)
  ec <- rep(agg$candidate_bin, agg$count)
  eh <- rep(agg$champion_bin, agg$count)
  stopifnot(length(ey) == length(y), sum(ey) == sum(y))
  binned <- delong_levels(roc_of(ey, ec), roc_of(ey, eh))
  share_c <- tied_share(ey, ec)
  share_h <- tied_share(ey, eh)
  auc_c <- as.numeric(auc(roc_of(y, cand)))
  auc_h <- as.numeric(auc(roc_of(y, champ)))
  # the bound of docs/counts.md: binning moves an AUC by at most half its tied-pair share
  stopifnot(abs(binned[[1]]$auc1 - auc_c) <= share_c / 2, abs(binned[[1]]$auc2 - auc_h) <= share_h / 2)
  list(name = name, source = source, bins = bins,
       counts = list(label = arr(agg$label), candidate_bin = arr(agg$candidate_bin),
                     champion_bin = arr(agg$champion_bin), count = arr(agg$count)),
       delong = binned,
       tied_pair_share = list(candidate = share_c, champion = share_h),
       unbinned_auc = list(candidate = auc_c, champion = auc_h))
}

set.seed(20261201)
latent_case <- function(n, p, bins, name) {
  y <- as.numeric(runif(n) < p)
  signal <- ifelse(y == 1, 1, -1) * 0.9 + rnorm(n)
  cand <- plogis(1.1 * signal + rnorm(n, sd = 0.5))
  champ <- plogis(signal + rnorm(n, sd = 0.7))
  binned_case(name, y, cand, champ, bins,
              sprintf("set.seed(20261201); %d examples, P(positive) = %.2f, correlated logistic scores, %d bins", n, p, bins))
}

cases <- list(
  latent_case(800, 0.3, 10, "bins10_800"),
  latent_case(3000, 0.1, 100, "bins100_3000")
)
data(aSAH, package = "pROC")
cases[[length(cases) + 1]] <- binned_case(
  "aSAH_s100b_bins10_vs_wfns", as.numeric(aSAH$outcome == "Poor"), as.numeric(aSAH$s100b),
  # wfns 1..5 scaled into [0, 1): its bins are its levels, so only s100b is coarsened
  (as.numeric(aSAH$wfns) - 1) / 5, 10,
  "data(aSAH, package='pROC'): s100b (candidate) in 10 bins vs wfns (champion, (level - 1)/5)")

out <- list(
  versions = list(R = paste(R.version$major, R.version$minor, sep = "."), pROC = as.character(packageVersion("pROC"))),
  cases = cases
)
writeLines(to_json(out), file.path(outdir, "binned-delong.json"))
