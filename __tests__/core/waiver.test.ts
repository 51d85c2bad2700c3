/**
 * Whether a waiver label counts (pure): who applied it and with which permission, for which commit, and how
 * long ago. Each rule has a case that passes and one that fails.
 */
import type { GateConfig } from '../../src/config/types.js';
import type { PullRequestFacts } from '../../src/core/evaluate.js';
import { judgeWaiver } from '../../src/core/waiver.js';

const config = (extra: Record<string, unknown> = {}) =>
  ({ policy: { hard_fail: [], soft_fail: ['performance'], require_manual_approval_on_soft_fail: true, waiver_label: 'waive', ...extra } }) as unknown as GateConfig;
const NOW = '2026-11-30T12:00:00Z';
const facts = (over: Partial<PullRequestFacts> = {}, by: Record<string, unknown> = {}): PullRequestFacts => ({
  number: 7,
  labels: ['waive'],
  labeled: [{ label: 'waive', by: 'alice', at: '2026-11-20T10:00:00Z', by_type: 'User', permission: 'write', ...by }],
  head_sha: 'c0ffee',
  current_head_sha: 'c0ffee',
  head_pushed_at: '2026-11-19T08:00:00Z',
  ...over
});

test('a write user labelling after the push waives, recording who, when and the commit', () => {
  expect(judgeWaiver(config(), facts(), NOW)).toEqual({
    waiver: { label: 'waive', pull_request: 7, by: 'alice', at: '2026-11-20T10:00:00Z', commit: 'c0ffee' }
  });
  for (const permission of ['admin', 'maintain']) expect(judgeWaiver(config(), facts({}, { permission }), NOW).waiver).not.toBeNull();
});

test.each([
  ['read permission', facts({}, { permission: 'read' }), /alice has read permission/],
  ['triage permission', facts({}, { permission: 'triage' }), /alice has triage permission/],
  ['unknown permission', facts({}, { permission: null }), /permission of alice could not be read/],
  ['a bot', facts({}, { by: 'app[bot]', by_type: 'Bot' }), /bot app\[bot\]/],
  ['no labeled event', facts({ labeled: [] }), /who added it could not be read/],
  ['a later push', facts({ head_pushed_at: '2026-11-21T00:00:00Z' }), /before c0ffee was pushed/],
  ['a moved head', facts({ current_head_sha: 'beef' }), /head is now beef, not the gated c0ffee/],
  ['an unknown push time', facts({ head_pushed_at: undefined }), /could not be read/]
])('%s does not waive, and says why', (_n, pr, why) => {
  const j = judgeWaiver(config(), pr, NOW);
  expect(j.waiver).toBeNull();
  expect(j.refused).toMatch(why);
});

test('waiver_max_age_days: 10.08 days old passes at 11 and fails at 10', () => {
  expect(judgeWaiver(config({ waiver_max_age_days: 11 }), facts(), NOW).waiver).not.toBeNull();
  expect(judgeWaiver(config({ waiver_max_age_days: 10 }), facts(), NOW).refused).toMatch(/more than waiver_max_age_days \(10\) ago/);
});

test('no label, no label on the PR, no PR: no waiver and nothing to say', () => {
  expect(judgeWaiver(config({ waiver_label: undefined }), facts(), NOW)).toEqual({ waiver: null });
  expect(judgeWaiver(config(), facts({ labels: ['bug'] }), NOW)).toEqual({ waiver: null });
  expect(judgeWaiver(config(), undefined, NOW)).toEqual({ waiver: null });
});
