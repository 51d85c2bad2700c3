-- model-gate counts recipe for Spark SQL (docs/counts.md). Same input and output as counts.duckdb.sql:
-- tables `candidate` and `champion` (id, label 0/1, score, segment); in `params`, threshold 0.5 = the config's
-- `threshold` and bins 1000 the score bins per unit for roc_auc (drop the *_score_bin columns when it is not checked).
-- Write the result with df.coalesce(1).write.option("header", True).csv(...), then gzip the part file if large.

-- The fixed test set rule: must return 0.
SELECT count(*) AS mismatched_ids
FROM candidate c FULL OUTER JOIN champion h ON c.id = h.id
WHERE c.id IS NULL OR h.id IS NULL OR c.label <> h.label;

WITH params AS (
  SELECT CAST(0.5 AS DOUBLE) AS threshold, 1000 AS bins
),
paired AS (
  SELECT
    c.label,
    CASE WHEN h.score >= p.threshold THEN 1 ELSE 0 END AS champion_prediction,
    CASE WHEN c.score >= p.threshold THEN 1 ELSE 0 END AS candidate_prediction,
    -- the bin's lower edge: scores in [k/bins, (k+1)/bins) tie at k/bins (floor gives a BIGINT, / a DOUBLE)
    floor(c.score * p.bins) / p.bins AS candidate_score_bin,
    floor(h.score * p.bins) / p.bins AS champion_score_bin,
    c.segment,
    -ln(least(greatest(CASE WHEN c.label = 1 THEN c.score ELSE 1 - c.score END, CAST(2.220446049250313e-16 AS DOUBLE)), 1 - CAST(2.220446049250313e-16 AS DOUBLE))) AS candidate_log_loss,
    -ln(least(greatest(CASE WHEN h.label = 1 THEN h.score ELSE 1 - h.score END, CAST(2.220446049250313e-16 AS DOUBLE)), 1 - CAST(2.220446049250313e-16 AS DOUBLE))) AS champion_log_loss,
    (c.score - c.label) * (c.score - c.label) AS candidate_brier,
    (h.score - h.label) * (h.score - h.label) AS champion_brier
  FROM candidate c JOIN champion h ON c.id = h.id CROSS JOIN params p
)
SELECT
  label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment,
  count(*) AS `count`,
  sum(candidate_log_loss) AS candidate_log_loss_sum,
  sum(champion_log_loss) AS champion_log_loss_sum,
  sum((candidate_log_loss - champion_log_loss) * (candidate_log_loss - champion_log_loss)) AS log_loss_diff_sq_sum,
  sum(candidate_brier) AS candidate_brier_sum,
  sum(champion_brier) AS champion_brier_sum,
  sum((candidate_brier - champion_brier) * (candidate_brier - champion_brier)) AS brier_diff_sq_sum
FROM paired
GROUP BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment
ORDER BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment;
