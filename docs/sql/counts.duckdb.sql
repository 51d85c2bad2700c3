-- model-gate counts recipe for DuckDB (docs/counts.md).
-- Input: two tables (or views) `candidate` and `champion` with columns id, label (0/1), score (probability of
-- the positive class) and segment, on the same test set. Output: the counts artifact, one row per
-- (label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment).
-- In `params`: keep threshold (0.5) equal to the config's `threshold`; bins (1000) sets the bin width 1/bins of
-- the scores for roc_auc (more bins: a smaller binning error, more rows; drop both *_score_bin columns from the
-- SELECT and the GROUP BY when roc_auc is not checked). Add every other segment or fairness group column to
-- `paired`, the SELECT and the GROUP BY.
-- Run it with COPY (<this query>) TO 'counts.csv' (HEADER); the tests of model-gate run exactly this file.

-- The fixed test set rule: the same ids with the same labels in both tables, else stop.
SELECT CASE WHEN count(*) > 0 THEN error(count(*) || ' ids are in one table only or have different labels') END AS fixed_test_set
FROM candidate c FULL JOIN champion h ON c.id = h.id
WHERE c.id IS NULL OR h.id IS NULL OR c.label <> h.label;

WITH params AS (
  SELECT 0.5 AS threshold, 1000 AS bins
),
paired AS (
  SELECT
    c.label,
    CASE WHEN h.score >= p.threshold THEN 1 ELSE 0 END AS champion_prediction,
    CASE WHEN c.score >= p.threshold THEN 1 ELSE 0 END AS candidate_prediction,
    -- the bin's lower edge: scores in [k/bins, (k+1)/bins) tie at k/bins
    floor(c.score * p.bins) / p.bins AS candidate_score_bin,
    floor(h.score * p.bins) / p.bins AS champion_score_bin,
    c.segment,
    -- log loss as scikit-learn computes it: the observed class's probability clipped to [eps, 1 - eps]
    -ln(least(greatest(CASE WHEN c.label = 1 THEN c.score ELSE 1 - c.score END, 2.220446049250313e-16), 1 - 2.220446049250313e-16)) AS candidate_log_loss,
    -ln(least(greatest(CASE WHEN h.label = 1 THEN h.score ELSE 1 - h.score END, 2.220446049250313e-16), 1 - 2.220446049250313e-16)) AS champion_log_loss,
    (c.score - c.label) * (c.score - c.label) AS candidate_brier,
    (h.score - h.label) * (h.score - h.label) AS champion_brier
  FROM candidate c JOIN champion h ON c.id = h.id CROSS JOIN params p
)
SELECT
  label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment,
  count(*) AS count,
  sum(candidate_log_loss) AS candidate_log_loss_sum,
  sum(champion_log_loss) AS champion_log_loss_sum,
  sum((candidate_log_loss - champion_log_loss) * (candidate_log_loss - champion_log_loss)) AS log_loss_diff_sq_sum,
  sum(candidate_brier) AS candidate_brier_sum,
  sum(champion_brier) AS champion_brier_sum,
  sum((candidate_brier - champion_brier) * (candidate_brier - champion_brier)) AS brier_diff_sq_sum
FROM paired
GROUP BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment
ORDER BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment;
