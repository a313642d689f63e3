/**
 * The platform's monthly cost while no event runs, from the dated table in
 * data/platform-prices.json, so "zero idle cost" is a number anyone can check.
 */
import prices from '../../data/platform-prices.json';
import { getPlatformSettings, PlatformSettings } from '../../lib/platform-settings';
import { EnvironmentName } from '../../lib/profiles';

export interface IdleCostLine {
  readonly item: string;
  readonly monthlyUsd: number;
  readonly note: string;
}

export interface IdleCostReport {
  readonly environment: EnvironmentName;
  readonly preset: PlatformSettings['preset'];
  readonly currency: 'USD';
  readonly region: string;
  readonly priceDate: string;
  readonly sources: readonly string[];
  readonly lines: readonly IdleCostLine[];
  readonly totalMonthlyUsd: number;
}

export interface IdleCostOptions {
  /** Mixer image versions kept in the gallery. @default 1 */
  readonly imageVersions?: number;
  /** @default - the committed settings of the environment */
  readonly settings?: PlatformSettings;
}

const cents = (usd: number): number => Math.round(usd * 100) / 100;

export function platformIdleCost(
  environment: EnvironmentName,
  options: IdleCostOptions = {},
): IdleCostReport {
  const settings = options.settings ?? getPlatformSettings(environment);
  const lines: IdleCostLine[] = [];
  if (settings.registrySku !== 'none') {
    const sku = prices.containerRegistry[settings.registrySku];
    lines.push({
      item: `container registry (${settings.registrySku})`,
      monthlyUsd: cents(sku.perDay * prices.daysPerMonth),
      note: `$${sku.perDay}/day, ${sku.includedGiB} GiB included`,
    });
  }
  if (settings.stateStorage) {
    const s = prices.stateStorage;
    lines.push({
      item: 'state storage (ZRS, hot)',
      monthlyUsd: cents(s.perGiBMonth.ZRS * s.assumedGiB),
      note: `$${s.perGiBMonth.ZRS}/GiB-month for about ${s.assumedGiB} GiB`,
    });
  }
  if (settings.mixerImageGallery) {
    const g = prices.gallery;
    const versions = options.imageVersions ?? 1;
    lines.push({
      item: `mixer image versions (${versions})`,
      monthlyUsd: cents(
        g.snapshotPerGiBMonth * g.assumedImageGiB * g.replicasPerVersion * versions,
      ),
      note: `$${g.snapshotPerGiBMonth}/GiB-month, about ${g.assumedImageGiB} GiB per version and replica`,
    });
  }
  return {
    environment,
    preset: settings.preset,
    currency: 'USD',
    region: prices.region,
    priceDate: prices.priceDate,
    sources: prices.sources,
    lines,
    totalMonthlyUsd: cents(lines.reduce((sum, line) => sum + line.monthlyUsd, 0)),
  };
}

/** The report as `platform status` prints it. */
export function formatIdleCost(report: IdleCostReport): string {
  const rows = report.lines.map(
    (l) => `  ${l.item.padEnd(34)} $${l.monthlyUsd.toFixed(2).padStart(6)}  ${l.note}`,
  );
  if (rows.length === 0) rows.push('  nothing that bills while idle');
  return [
    `platform-${report.environment} (${report.preset}) idle cost per month:`,
    ...rows,
    `  ${'total'.padEnd(34)} $${report.totalMonthlyUsd.toFixed(2).padStart(6)}`,
    `  ${report.currency} list prices, ${report.region}, as of ${report.priceDate} (data/platform-prices.json)`,
  ].join('\n');
}
