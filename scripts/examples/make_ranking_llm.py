"""Generates examples/ranking and examples/llm-eval (seeded; rerun to reproduce the committed files)."""
import csv
import numpy as np

rng = np.random.default_rng(2026)

# Ranking: a recommender scored on 1000 users (queries), 20 candidate items each, graded relevance 0..3.
# A quarter of the users are cold (few interactions): both models rank them worse, the candidate a little better.
with open('examples/ranking/candidate.csv', 'w', newline='') as fc, open('examples/ranking/champion.csv', 'w', newline='') as fh:
    wc, wh = csv.writer(fc), csv.writer(fh)
    wc.writerow(['query_id', 'item_id', 'relevance', 'score', 'cold'])
    wh.writerow(['query_id', 'item_id', 'relevance', 'score', 'cold'])
    for q in range(1000):
        cold = rng.random() < 0.25
        quality = rng.normal(size=20)
        rel = np.clip(np.round(quality + rng.normal(scale=0.8, size=20) - 0.8), 0, 3).astype(int)
        noise_c = 1.1 if cold else 0.8
        noise_h = 1.3 if cold else 0.85
        sc = quality + rng.normal(scale=noise_c, size=20)
        sh = quality + rng.normal(scale=noise_h, size=20)
        for i in range(20):
            item = f'item-{(q * 7 + i * 13) % 500:03d}'
            row = [f"user-{q:04d}", item, rel[i]]
            wc.writerow(row + [f'{sc[i]:.6f}', 'true' if cold else 'false'])
            wh.writerow(row + [f'{sh[i]:.6f}', 'true' if cold else 'false'])

# LLM eval: 600 prompts, a judge score 1..10 per sample; the candidate has 3 samples per prompt, the champion 2.
# Prompts differ a lot in difficulty (the reason to pair), and the samples of one prompt are correlated.
with open('examples/llm-eval/candidate.jsonl', 'w') as fc, open('examples/llm-eval/champion.jsonl', 'w') as fh:
    for p in range(600):
        difficulty = rng.normal(scale=1.6)
        topic = ['code', 'math', 'writing'][p % 3]
        for s in range(3):
            v = float(np.clip(np.round(6.6 + difficulty + rng.normal(scale=1.0)), 1, 10))
            fc.write(f'{{"id": "prompt-{p:03d}", "score": {v:g}, "topic": "{topic}"}}\n')
        for s in range(2):
            v = float(np.clip(np.round(6.4 + difficulty + rng.normal(scale=1.0)), 1, 10))
            fh.write(f'{{"id": "prompt-{p:03d}", "score": {v:g}, "topic": "{topic}"}}\n')
