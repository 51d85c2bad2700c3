# pROC reference values for model-gate's DeLong interval (run by scripts/golden/generate.sh, not by CI).
#
#   Rscript delong.R WORKDIR
#
# Reads WORKDIR/cases.json (written by `generate.py prepare`), writes WORKDIR/delong.json with, per case and
# confidence level, pROC's paired DeLong test of candidate vs champion, plus pROC's documentation example
# (aSAH: s100b vs wfns). Numbers are written by hand with sprintf("%.17g") (full double precision).

suppressPackageStartupMessages({
  library(pROC)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript delong.R WORKDIR")
workdir <- args[[1]]

LEVELS <- c(0.95, 0.90)

source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "json-writer.R"))

# --- paired DeLong ----------------------------------------------------------------------------------------
# roc1 = candidate, roc2 = champion, so conf.int and statistic are for AUC(candidate) - AUC(champion).
delong_levels <- function(roc1, roc2) {
  v1 <- var(roc1, method = "delong")
  v2 <- var(roc2, method = "delong")
  cv <- cov(roc1, roc2, method = "delong")
  se <- sqrt(v1 + v2 - 2 * cv)
  lapply(LEVELS, function(cl) {
    t <- roc.test(roc1, roc2, paired = TRUE, method = "delong", conf.level = cl)
    auc1 <- unname(t$estimate[1]); auc2 <- unname(t$estimate[2])
    delta <- auc1 - auc2
    # pROC's interval is delta -/+ qnorm((1+cl)/2) * sqrt(V); V from var()/cov() must be the same
    zq <- qnorm((1 + cl) / 2)
    stopifnot(abs(t$conf.int[1] - (delta - zq * se)) < 1e-12, abs(t$conf.int[2] - (delta + zq * se)) < 1e-12,
              abs(unname(t$statistic) - delta / se) < 1e-9, abs(attr(t$conf.int, "conf.level") - cl) < 1e-15)
    list(confidence_level = cl, auc1 = auc1, auc2 = auc2, delta = delta,
         conf_int = arr(as.numeric(t$conf.int)), statistic_z = unname(t$statistic), p_value = t$p.value,
         se = se, var_candidate = v1, var_champion = v2, cov = cv, method = t$method)
  })
}

cases <- fromJSON(file.path(workdir, "cases.json"), simplifyVector = TRUE, simplifyDataFrame = FALSE)
out_cases <- list()
for (cs in cases) {
  y <- as.numeric(cs$label)
  r1 <- roc(y, cs$candidate_score, direction = "<", levels = c(0, 1), quiet = TRUE)
  r2 <- roc(y, cs$champion_score, direction = "<", levels = c(0, 1), quiet = TRUE)
  out_cases[[cs$name]] <- list(
    delong = delong_levels(r1, r2),
    # echoed so generate.py can assert the scores were read bit-exactly
    label_echo = arr(y), candidate_score_echo = arr(cs$candidate_score), champion_score_echo = arr(cs$champion_score)
  )
}

# --- pROC documentation example ---------------------------------------------------------------------------
data(aSAH, package = "pROC")
auto <- roc(aSAH$outcome, aSAH$s100b, quiet = TRUE)      # let pROC choose levels and direction
auto2 <- roc(aSAH$outcome, aSAH$wfns, quiet = TRUE)
stopifnot(identical(auto$levels, c("Good", "Poor")), auto$direction == auto2$direction)
dir <- auto$direction                                     # "<": controls (Good) < cases (Poor)
y <- as.numeric(aSAH$outcome == "Poor")
s100b <- as.numeric(aSAH$s100b)
wfns <- as.numeric(as.character(aSAH$wfns))               # ordered factor 1..5 -> its numeric value
stopifnot(identical(wfns, as.numeric(aSAH$wfns)))         # levels are 1..5 in order, so codes == values
a1 <- roc(y, s100b, direction = dir, levels = c(0, 1), quiet = TRUE)
a2 <- roc(y, wfns, direction = dir, levels = c(0, 1), quiet = TRUE)
# the explicit-direction ROC must equal the documented call's
stopifnot(abs(auc(a1) - auc(auto)) < 1e-15, abs(auc(a2) - auc(auto2)) < 1e-15)
a_levels <- delong_levels(a1, a2)
doc <- roc.test(auto, auto2, paired = TRUE, method = "delong")
stopifnot(abs(doc$statistic - a_levels[[1]]$statistic_z) < 1e-12)

out <- list(
  versions = list(R = paste(R.version$major, R.version$minor, sep = "."),
                  pROC = as.character(packageVersion("pROC")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  cases = out_cases,
  aSAH = list(
    source = "data(aSAH, package='pROC'); roc(y, s100b) vs roc(y, wfns) with y = outcome == 'Poor', direction and levels c(0,1) explicit; roc.test(paired=TRUE, method='delong')",
    direction_auto = dir, direction = dir,
    label = arr(y), s100b = arr(s100b), wfns = arr(wfns),
    delong = a_levels
  )
)
writeLines(to_json(out), file.path(workdir, "delong.json"))
