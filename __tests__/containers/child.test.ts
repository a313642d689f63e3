import { SupervisedChild } from '../../containers/shared/child';
import { descendants, stillAlive, waitFor } from './support/procs';

const quiet = (l: string): string => l;
let children: SupervisedChild[] = [];
const make = (script: string, onStart?: () => void): SupervisedChild => {
  const c = new SupervisedChild({
    name: 'test',
    command: 'sh',
    args: () => ['-c', script],
    redact: quiet,
    onStart,
    backoff: { baseMs: 50, maxMs: 400, resetAfterMs: 10000 },
  });
  children.push(c);
  return c;
};

beforeAll(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
afterEach(async () => {
  await Promise.all(children.map((c) => c.stop(200)));
  children = [];
});
afterAll(() => jest.restoreAllMocks());

describe('SupervisedChild', () => {
  it('restarts a failing child with growing delays', async () => {
    const starts: number[] = [];
    const c = make('exit 3', () => starts.push(Date.now()));
    await c.start();
    await waitFor('four starts', () => starts.length >= 4, 5000, 20);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    expect(gaps[1]).toBeGreaterThanOrEqual(90);
    expect(c.restarts).toBeGreaterThanOrEqual(3);
  });

  it('stops the whole process group, grandchildren included', async () => {
    const c = make('sleep 30 & sleep 30 & wait');
    await c.start();
    const tree = await waitFor('two sleeps', () => {
      const d = descendants(c.pid!);
      return d.length >= 2 && d;
    });
    await c.stop(500);
    expect(c.running).toBe(false);
    await waitFor('no survivors', () => tree.every((p) => !stillAlive(p)), 3000);
    expect(c.restarts).toBe(0);
  });
});
