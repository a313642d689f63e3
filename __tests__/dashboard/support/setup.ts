/** A dashboard on 127.0.0.1 port 0 around a FakeEngine, with its own events folder. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDashboard, type Dashboard } from '../../../dashboard/server';
import { TOKEN_HEADER } from '../../../dashboard/security';
import { FakeEngine } from './fake-engine';

export const TOKEN = 'test-token-0123456789abcdefghijklmnop';
/** Values that must never come back out of the dashboard. */
export const CANARY = {
  original: 'CANARY-orig-7f3a-9b21-4c5d',
  spanish: 'CANARY-span-1e8f-2a6b-7d90',
  passphrase: 'CANARY-passphrase-55aa',
};

export interface TestDashboard {
  readonly dashboard: Dashboard;
  readonly engine: FakeEngine;
  readonly logs: string[];
  readonly eventsDir: string;
  /** Headers a same-origin page would send. */
  readonly auth: Record<string, string>;
  close(): Promise<void>;
}

export async function startTestDashboard(): Promise<TestDashboard> {
  const eventsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-events-'));
  fs.writeFileSync(
    path.join(eventsDir, 'spring-summit.json'),
    JSON.stringify({
      name: 'Spring Summit',
      environment: 'staging',
      languages: ['original', 'spanish'],
    }),
  );
  const engine = new FakeEngine(eventsDir);
  const logs: string[] = [];
  const dashboard = await startDashboard({
    engine,
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    log: (line) => logs.push(line),
  });
  return {
    dashboard,
    engine,
    logs,
    eventsDir,
    auth: { [TOKEN_HEADER]: TOKEN },
    close: async () => {
      await dashboard.close();
      fs.rmSync(eventsDir, { recursive: true, force: true });
    },
  };
}

export function deployBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event: 'Spring Summit',
    youtubeKeys: { original: CANARY.original, spanish: CANARY.spanish },
    srtPassphrase: CANARY.passphrase,
    ...overrides,
  };
}

export function expectNoCanary(text: string): void {
  for (const value of Object.values(CANARY)) expect(text).not.toContain(value);
}
