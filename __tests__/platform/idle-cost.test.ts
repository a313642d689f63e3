import prices from '../../data/platform-prices.json';
import { formatIdleCost, platformIdleCost } from '../../engine/platform/idle-cost';
import { testSettings } from './helpers';

describe('platformIdleCost', () => {
  it('dates the price table and names its sources and region', () => {
    expect(prices.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prices.region).toBe('westeurope');
    expect(prices.sources.length).toBeGreaterThanOrEqual(3);
    for (const source of prices.sources) expect(source).toMatch(/^https:\/\//);
  });

  it('prices the standard platform at a few dollars a month: Basic registry, storage, one image', () => {
    const report = platformIdleCost('production', { settings: testSettings() });
    expect(report.lines.map((l) => [l.item, l.monthlyUsd])).toEqual([
      ['container registry (Basic)', 5.08],
      ['state storage (ZRS, hot)', 0.02],
      ['mixer image versions (1)', 1.5],
    ]);
    expect(report.totalMonthlyUsd).toBe(6.6);
  });

  it('counts each kept image version', () => {
    const report = platformIdleCost('production', { settings: testSettings(), imageVersions: 3 });
    expect(report.lines[2]).toMatchObject({ item: 'mixer image versions (3)', monthlyUsd: 4.5 });
  });

  it('is exactly zero for the registry-free preset', () => {
    const report = platformIdleCost('production', {
      settings: testSettings({ preset: 'registry-free' }),
    });
    expect(report.lines).toEqual([]);
    expect(report.totalMonthlyUsd).toBe(0);
    expect(formatIdleCost(report)).toContain('nothing that bills while idle');
  });

  it('reads the committed settings: development is registry-free, production is not', () => {
    expect(platformIdleCost('development').totalMonthlyUsd).toBe(0);
    expect(platformIdleCost('production').totalMonthlyUsd).toBeGreaterThan(5);
  });

  it('prints the total, the price date and the table it came from', () => {
    const text = formatIdleCost(platformIdleCost('production', { settings: testSettings() }));
    expect(text).toMatch(/^platform-production \(standard\) idle cost per month:/);
    expect(text).toMatch(/total\s+\$\s+6\.60/);
    expect(text).toContain(`as of ${prices.priceDate} (data/platform-prices.json)`);
  });
});
