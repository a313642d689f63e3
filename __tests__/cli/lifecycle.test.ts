import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import type { EngineEvent, HealthProbe } from '../../engine/types';
import { KEYS, makeSandbox, requireTerraform, Sandbox, stateResources } from './support/sandbox';

// Every case runs terraform one to three times; a busy two-core machine needs the room.
jest.setTimeout(180_000);

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('life');
});
afterAll(() => box.remove());

describe('engine with real cdktf and terraform on the fixture app', () => {
  it('deploys, reports health progress, shows outputs, lists, tears down, and tears down again', async () => {
    // Not ready on the first round, ready on the second: progress must show both.
    let round = 0;
    const probe: HealthProbe = async (t) => {
      if (t.name === 'relay') round += 1;
      return {
        name: t.name,
        kind: t.kind,
        ready: round > 1,
        detail: round > 1 ? undefined : 'HTTP 503',
      };
    };
    const engine = createEngine(box.options({ probe }));
    const run = engine.deploy({
      event: 'Life Cycle 2026',
      environment: 'staging',
      youtubeKeys: KEYS,
    });
    const deployed = await run.result;
    expect(deployed.error).toBeUndefined();
    expect(deployed.exitCode).toBe(0);
    expect(deployed.event).toBe('life-cycle-2026');
    expect(deployed.outputs?.resource_group).toBe('rg-life-cycle-2026-staging');
    expect(deployed.outputs?.mixers?.map((m) => m.language)).toEqual([
      'original',
      'spanish',
      'french',
    ]);
    expect(deployed.outputs).not.toHaveProperty('mixer_admin_password');
    expect(deployed.teardownCommand).toBe(
      './stream-control teardown --event life-cycle-2026 --env staging',
    );

    const stateFile = path.join(box.stateDir, 'staging', 'life-cycle-2026.tfstate');
    expect(stateResources(stateFile)).toContain('terraform_data.relay');
    // The engine's generated status token: owner-only beside the state, never in it.
    const tokenFile = stateFile.replace(/\.tfstate$/, '.status-token');
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(fs.readFileSync(stateFile, 'utf8')).not.toContain(token);
    // A container event has no admin password to make.
    expect(fs.existsSync(stateFile.replace(/\.tfstate$/, '.mixer-admin-password'))).toBe(false);

    const events = run.history();
    const progress = events.filter(
      (e): e is Extract<EngineEvent, { type: 'progress' }> => e.type === 'progress',
    );
    expect(progress.map((p) => `${p.ready}/${p.total} ${p.attempt}/${p.maxAttempts}`)).toEqual([
      '0/5 1/3',
      '5/5 2/3',
    ]);
    const phases = events
      .filter((e) => e.type === 'phase-finished')
      .map((e) => (e as { phase: string }).phase);
    expect(phases).toEqual(['validate', 'preflight', 'lock', 'synth', 'apply', 'health']);
    expect(events[0]).toMatchObject({ type: 'run-started', logFile: deployed.logFile });
    expect(events[events.length - 1]).toMatchObject({ type: 'done' });

    // A late subscriber gets the whole run, in order.
    const replayed: EngineEvent[] = [];
    run.subscribe((e) => replayed.push(e));
    expect(replayed.map((e) => e.seq)).toEqual(events.map((_, i) => i));

    const outputs = await engine.outputs({ event: 'life-cycle-2026', environment: 'staging' })
      .result;
    // The generated passphrase is hidden; it lives in the owner-only file, not in state. No
    // stack output is sensitive any more, and container mixers have no admin password.
    expect(outputs.redacted).toEqual(['srt_passphrase']);
    expect(outputs.srtPassphrase).toBeUndefined();
    expect(outputs.mixerAdminPassword).toBeUndefined();
    const secret = await engine.outputs({
      event: 'life-cycle-2026',
      environment: 'staging',
      showSecrets: true,
    }).result;
    expect(secret.mixerAdminPassword).toBeUndefined();
    expect(secret.srtPassphrase).toBe(
      fs.readFileSync(stateFile.replace(/\.tfstate$/, '.srt-passphrase'), 'utf8').trim(),
    );
    expect(secret.srtPassphrase).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const listed = await engine.list().result;
    expect(listed.events).toEqual([
      expect.objectContaining({
        event: 'life-cycle-2026',
        environment: 'staging',
        backend: 'local',
        resourceCount: 7,
        expired: false,
      }),
    ]);

    const down = await engine.teardown({
      event: 'Life Cycle 2026',
      environment: 'staging',
      confirm: true,
    }).result;
    expect(down.exitCode).toBe(0);
    expect(down.nothingLeft).toBe(false);
    expect(down.destroyed).toHaveLength(7);
    expect(stateResources(stateFile)).toEqual([]);
    // The generated passphrase and status token files go with the event.
    expect(
      fs
        .readdirSync(path.dirname(stateFile))
        .filter((f) => /^life-cycle-2026\.(srt-passphrase|status-token)$/.test(f)),
    ).toEqual([]);

    const again = await engine.teardown({
      event: 'Life Cycle 2026',
      environment: 'staging',
      confirm: true,
    }).result;
    expect(again).toMatchObject({ exitCode: 0, nothingLeft: true, destroyed: [] });
    expect((await engine.list().result).events).toEqual([]);
  });

  it('rolls back a failed apply so nothing remains in state, and exits 3', async () => {
    const engine = createEngine(box.options({ env: { FIXTURE_FAIL: '1' } }));
    const result = await engine.deploy({ event: 'roll-back', youtubeKeys: KEYS }).result;
    expect(result.exitCode).toBe(3);
    expect(result.rolledBack).toBe(true);
    expect(result.remaining).toEqual([]);
    expect(result.error?.message).toMatch(/deploy failed/);
    expect(stateResources(path.join(box.stateDir, 'production', 'roll-back.tfstate'))).toEqual([]);
  });

  it('with rollback off, keeps what was created, says what remains and exits 1', async () => {
    const engine = createEngine(box.options({ env: { FIXTURE_FAIL: '1' } }));
    const result = await engine.deploy({
      event: 'no-roll-back',
      youtubeKeys: KEYS,
      rollback: false,
    }).result;
    expect(result.exitCode).toBe(1);
    expect(result.rolledBack).toBe(false);
    expect(result.remaining).toContain('terraform_data.group');
    expect(result.error?.hint).toMatch(/teardown --event no-roll-back --env production --confirm/);
    const cleanup = await createEngine(box.options()).teardown({
      event: 'no-roll-back',
      confirm: true,
    }).result;
    expect(cleanup.exitCode).toBe(0);
  });

  it('exits 5 when health stays red through every attempt, and leaves the event up', async () => {
    const probe: HealthProbe = async (t) => ({
      name: t.name,
      kind: t.kind,
      ready: t.kind !== 'mixer',
      detail: 'VM starting',
    });
    const engine = createEngine(box.options({ probe, health: { attempts: 2, intervalMs: 10 } }));
    const run = engine.deploy({ event: 'red-health', youtubeKeys: KEYS });
    const result = await run.result;
    expect(result.exitCode).toBe(5);
    expect(result.error?.message).toBe(
      'not healthy after 2 attempts: mixer-original (VM starting), mixer-spanish (VM starting), mixer-french (VM starting)',
    );
    expect(
      run.history().find((e) => e.type === 'phase-finished' && e.phase === 'health'),
    ).toMatchObject({ ok: false });
    expect(
      stateResources(path.join(box.stateDir, 'production', 'red-health.tfstate')),
    ).toHaveLength(7);
    expect((await engine.teardown({ event: 'red-health', confirm: true }).result).exitCode).toBe(0);
  });

  it('stops terraform on cancel, exits 130 and says what remains', async () => {
    const engine = createEngine(box.options({ env: { FIXTURE_SLEEP: '30' } }));
    const run = engine.deploy({ event: 'cancel-show', youtubeKeys: KEYS });
    run.subscribe((e) => {
      // The relay's provisioner is sleeping once terraform reports it is creating it.
      if (e.type === 'log' && /terraform_data\.relay.*Creating/.test(e.message)) run.cancel();
    });
    const result = await run.result;
    expect(result.exitCode).toBe(130);
    expect(result.remaining).toContain('terraform_data.group');
    expect(result.error?.message).toMatch(/^interrupted; \d+ resource\(s\) remain$/);
    expect((await engine.teardown({ event: 'cancel-show', confirm: true }).result).exitCode).toBe(
      0,
    );
  });
});
