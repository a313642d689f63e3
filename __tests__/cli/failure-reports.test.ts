/**
 * A failure report tells the truth: the cause from terraform's own output on the first error
 * line, what remains as read back from the state, the next command to run, and never a green
 * tick over a step that failed. Real cdktf and terraform on the fixture app, which can fail
 * its apply (FIXTURE_FAIL), its destroy (FIXTURE_FAIL_DESTROY) or terraform init on an
 * unreachable registry (FIXTURE_FAIL_INIT), through the real launcher.
 */
import * as path from 'node:path';
import {
  KEYS,
  makeSandbox,
  requireTerraform,
  runCli,
  Sandbox,
  stateResources,
} from './support/sandbox';

// Each case runs terraform two or three times; a busy two-core machine needs the room.
jest.setTimeout(180_000);

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('fail');
});
afterAll(() => box.remove());

const deploy = (event: string, knobs: Record<string, string>, ...flags: string[]) =>
  runCli(
    ['deploy', '--event', event, ...flags],
    box.env({ STREAM_YOUTUBE_KEYS: KEYS.join(','), ...knobs }),
  );
const state = (event: string) =>
  stateResources(path.join(box.stateDir, 'production', `${event}.tfstate`));
const firstError = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('error: '));

describe('failed deploys', () => {
  it('an unreachable provider registry: the cause first, nothing created, no rollback run', async () => {
    const r = await deploy('init-show', { FIXTURE_FAIL_INIT: '1' });
    expect(r.code).toBe(3);
    // The cause, not cdktf's "terraform init failed with exit code 1".
    expect(firstError(r.stderr)).toMatch(
      /^error: deploy failed: Failed to query available provider packages: .*could not connect to registry\.example\.invalid.*no such host/,
    );
    expect(r.stderr).toMatch(/✗ apply failed/);
    expect(r.stderr).not.toMatch(/Rolling back|✓ rollback/);
    expect(r.stdout).toBe('Nothing was created.\n');
    expect(r.stderr).toMatch(
      /^hint: nothing was created; fix the cause and deploy again: \.\/stream-control deploy --event init-show --env production$/m,
    );
    expect(state('init-show')).toEqual([]);
  });

  it('a failed apply that rolls back: the cause first, then "nothing remains" because the state is empty', async () => {
    const r = await deploy('rolled-show', { FIXTURE_FAIL: '1' });
    expect(r.code).toBe(3);
    expect(firstError(r.stderr)).toMatch(
      /^error: deploy failed: local-exec provisioner error: Error running command 'test -n "\$KEY".*exit status 1/,
    );
    expect(r.stderr).toMatch(/✗ apply failed[\s\S]*▶ Rolling back[\s\S]*✓ rollback/);
    expect(r.stdout).toBe('Rolled back: nothing of this deploy remains.\n');
    expect(state('rolled-show')).toEqual([]);
  });

  it('a rollback that fails: no green tick, what remains from the state, and the teardown to run', async () => {
    const r = await deploy('stuck-show', { FIXTURE_FAIL: '1', FIXTURE_FAIL_DESTROY: '1' });
    expect(r.code).toBe(6);
    const remaining = state('stuck-show');
    expect(remaining).toEqual(['terraform_data.group']);
    expect(r.stderr).toMatch(/✗ rollback failed/);
    expect(r.stderr).not.toMatch(/✓ rollback/);
    expect(r.stdout).not.toMatch(/nothing .*remains|Rolled back/i);
    expect(r.stdout).toContain(`Still deployed: ${remaining.join(', ')}`);
    expect(firstError(r.stderr)).toMatch(/^error: deploy failed: local-exec provisioner error/);
    expect(r.stderr).toMatch(
      /^hint: 1 resource\(s\) remain \(rollback failed: local-exec provisioner error: Error running command 'test -z "\$FIXTURE_FAIL_DESTROY"'.*\); remove them with `\.\/stream-control teardown --event stuck-show --env production --confirm`$/m,
    );
    // The command it names does remove them once the cause is gone.
    const down = await runCli(['teardown', '--event', 'stuck-show', '--confirm'], box.env());
    expect(down.code).toBe(0);
    expect(state('stuck-show')).toEqual([]);
  });

  it('with --no-rollback: what was created stays, listed from the state, exit 1', async () => {
    const r = await deploy('kept-show', { FIXTURE_FAIL: '1' }, '--no-rollback');
    expect(r.code).toBe(1);
    const remaining = state('kept-show');
    expect(remaining.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Still deployed: ${remaining.join(', ')}`);
    expect(r.stderr).toMatch(
      /\(rollback was off\); remove them with `.*teardown --event kept-show/,
    );
    expect((await runCli(['teardown', '--event', 'kept-show', '--confirm'], box.env())).code).toBe(
      0,
    );
  });
});

describe('failed teardowns', () => {
  it('a destroy that fails: no green tick, the cause, and what remains', async () => {
    expect((await deploy('hard-show', {}, '--no-wait')).code).toBe(0);
    const r = await runCli(
      ['teardown', '--event', 'hard-show', '--confirm'],
      box.env({ FIXTURE_FAIL_DESTROY: '1' }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ destroy failed/);
    expect(r.stderr).not.toMatch(/✓ destroy/);
    expect(firstError(r.stderr)).toBe(
      `error: destroy of hard-show failed: local-exec provisioner error: Error running command 'test -z "$FIXTURE_FAIL_DESTROY"': exit status 1. Output:; 1 resource(s) remain`,
    );
    expect(r.stdout).toBe('Still deployed: terraform_data.group\n');
    expect(state('hard-show')).toEqual(['terraform_data.group']);
    expect((await runCli(['teardown', '--event', 'hard-show', '--confirm'], box.env())).code).toBe(
      0,
    );
  });
});
