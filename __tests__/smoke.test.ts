import { metricInfo } from '../src/stats/catalog.js';

test('catalogue knows binary f1 is higher-is-better', () => {
  expect(metricInfo('binary', 'f1')?.direction).toBe(1);
  expect(metricInfo('regression', 'f1')).toBeUndefined();
});
