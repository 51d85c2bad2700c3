-- model-gate counts recipe for BigQuery (docs/counts.md). Same input and output as counts.duckdb.sql:
-- tables `candidate` and `champion` (id, label 0/1 INT64, score FLOAT64, segment); in `params`, threshold 0.5 =
-- the config's `threshold` and bins 1000 the score bins per unit for roc_auc (drop the *_score_bin columns when it
-- is not checked). Export with EXPORT DATA OPTIONS(uri='gs://…/counts-*.csv', format='CSV', header=true).

-- The fixed test set rule: stops the script when ids or labels differ.
ASSERT (
  SELECT COUNT(*) FROM candidate c FULL OUTER JOIN champion h ON c.id = h.id
  WHERE c.id IS NULL OR h.id IS NULL OR c.label != h.label
) = 0 AS 'candidate and champion must cover the same ids with the same labels';

WITH params AS (
  SELECT CAST(0.5 AS FLOAT64) AS threshold, 1000 AS bins
),
paired AS (
  SELECT
    c.label,
    IF(h.score >= p.threshold, 1, 0) AS champion_prediction,
    IF(c.score >= p.threshold, 1, 0) AS candidate_prediction,
    -- the bin's lower edge: scores in [k/bins, (k+1)/bins) tie at k/bins
    FLOOR(c.score * p.bins) / p.bins AS candidate_score_bin,
    FLOOR(h.score * p.bins) / p.bins AS champion_score_bin,
    c.segment,
    -LN(LEAST(GREATEST(IF(c.label = 1, c.score, 1 - c.score), 2.220446049250313e-16), 1 - 2.220446049250313e-16)) AS candidate_log_loss,
    -LN(LEAST(GREATEST(IF(h.label = 1, h.score, 1 - h.score), 2.220446049250313e-16), 1 - 2.220446049250313e-16)) AS champion_log_loss,
    (c.score - c.label) * (c.score - c.label) AS candidate_brier,
    (h.score - h.label) * (h.score - h.label) AS champion_brier
  FROM candidate c JOIN champion h ON c.id = h.id CROSS JOIN params p
)
SELECT
  label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment,
  COUNT(*) AS count,
  SUM(candidate_log_loss) AS candidate_log_loss_sum,
  SUM(champion_log_loss) AS champion_log_loss_sum,
  SUM((candidate_log_loss - champion_log_loss) * (candidate_log_loss - champion_log_loss)) AS log_loss_diff_sq_sum,
  SUM(candidate_brier) AS candidate_brier_sum,
  SUM(champion_brier) AS champion_brier_sum,
  SUM((candidate_brier - champion_brier) * (candidate_brier - champion_brier)) AS brier_diff_sq_sum
FROM paired
GROUP BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment
ORDER BY label, champion_prediction, candidate_prediction, candidate_score_bin, champion_score_bin, segment;
