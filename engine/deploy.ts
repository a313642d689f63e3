/**
 * deploy: validate everything → lock → (Terraform Cloud variables) → synth → apply →
 * rollback on failure → health → connection info.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { EventConfig } from '../lib/event-model';
import {
  MIXER_ADMIN_PASSWORD_VARIABLE,
  SECRETS_VERSION_VARIABLE,
  SRT_PASSPHRASE_VARIABLE,
  STATUS_TOKEN_VARIABLE,
} from '../lib/secrets';
import { requireTools } from './child';
import { checkDeployIn } from './catalog';
import { Context, loadEventConfig, localStateFile, stackDir } from './context';
import { credentialFile, resolveCredential, writeCredential } from './credentials';
import { defaultProbe, healthTargets, waitForHealth } from './health';
import { checkPassphrase, matchKeys } from './keys';
import { acquireLock, describeHolder } from './lock';
import { RunImpl } from './run';
import { preflight } from './preflight';
import { appUsesAzure } from './providers';
import {
  readState,
  RecoveredState,
  recoverErroredState,
  secureStateFolder,
  shapeOutputs,
  tightenStateFiles,
  whatRemains,
} from './state';
import {
  deploy,
  destroy,
  errorLine,
  secretEnv,
  Secrets,
  secretsVersionAt,
  synth,
} from './terraform';
import { removeByHandCommand } from './teardown';
import { findTfcToken, setWorkspaceVariables } from './tfc';
import { DeployRequest, DeployResult, ExitCode, ExitCodeValue, RunResult } from './types';

export function teardownCommand(event: EventConfig): string {
  return `./stream-control teardown --event ${event.slug} --env ${event.environment}`;
}

/**
 * A generated passphrase must reach the venue encoder, and a redeploy must keep it; so it is
 * kept beside the event's state, readable by its owner only, and removed at teardown.
 */
export function passphraseFile(ctx: Context, event: EventConfig): string {
  return credentialFile(ctx, event, 'srtPassphrase');
}

const VARIABLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [SRT_PASSPHRASE_VARIABLE]: 'SRT passphrase (set by stream-control)',
  [SECRETS_VERSION_VARIABLE]:
    'version of the Key Vault secrets: the deploy time in seconds (set by stream-control)',
  [STATUS_TOKEN_VARIABLE]: 'status token of the parts, generated (set by stream-control)',
  [MIXER_ADMIN_PASSWORD_VARIABLE]:
    "the OBS mixers' Windows admin password, generated (set by stream-control)",
};

/**
 * The status token and (OBS mixers) the admin password: the kept ones, else new ones written
 * owner-only beside the state. Called under the event's lock, so two runs never make two.
 */
function generatedCredentials(
  ctx: Context,
  run: RunImpl<DeployResult>,
  ev: EventConfig,
): Pick<Secrets, 'statusToken' | 'mixerAdminPassword'> {
  const kinds = ['statusToken', ...(ev.mixer === 'obs' ? ['mixerAdminPassword' as const] : [])];
  const values: Partial<Record<(typeof kinds)[number], string>> = {};
  for (const kind of kinds as ('statusToken' | 'mixerAdminPassword')[]) {
    const c = resolveCredential(ctx, ev, kind);
    // Known to the redactor before terraform, the log or a result can carry it.
    run.redactor.add(c.value);
    values[kind] = c.value;
    if (c.fresh && writeCredential(c.file, c.value)) {
      const what = kind === 'statusToken' ? 'a status token' : "the mixers' admin password";
      run.log('info', `generated ${what}; it is in ${c.file} (owner-only)`);
    }
  }
  return { statusToken: values.statusToken!, mixerAdminPassword: values.mixerAdminPassword };
}

function resolvePassphrase(
  ctx: Context,
  event: EventConfig,
  given?: string,
): { value: string; generatedFile?: string } {
  if (given !== undefined) {
    checkPassphrase(given);
    return { value: given };
  }
  const file = passphraseFile(ctx, event);
  if (fs.existsSync(file))
    return { value: fs.readFileSync(file, 'utf8').trim(), generatedFile: file };
  return { value: randomBytes(24).toString('base64url'), generatedFile: file };
}

export async function runDeploy(
  ctx: Context,
  run: RunImpl<DeployResult>,
  req: DeployRequest,
): Promise<void> {
  const anyRun = run as unknown as RunImpl<RunResult>;
  let event: EventConfig | undefined;
  const base = () => ({
    command: 'deploy' as const,
    event: event?.slug ?? String(req.event),
    environment: event?.environment ?? req.environment ?? 'production',
    teardownCommand: event ? teardownCommand(event) : '',
  });
  let release = () => {};
  try {
    // Secrets are known to the redactor before anything can echo them.
    const given = Array.isArray(req.youtubeKeys)
      ? req.youtubeKeys
      : Object.values(req.youtubeKeys ?? {});
    run.redactor.add(...given, req.srtPassphrase);
    const { secrets: provided, passphraseFileToWrite } = await run.phase(
      'validate',
      'Validating input',
      async () => {
        checkDeployIn(ctx, req);
        event = loadEventConfig(ctx, req);
        run.event = event.slug;
        const youtubeKeys = matchKeys(event.languages, req.youtubeKeys);
        const passphrase = resolvePassphrase(ctx, event, req.srtPassphrase);
        run.redactor.add(passphrase.value);
        requireTools(ctx.cdktfBin, ctx.env);
        run.log(
          'info',
          `event ${event.slug} (${event.environment}), languages ${event.languages.join(', ')}, expires ${event.expiresAt.toISOString()}`,
        );
        return {
          secrets: {
            youtubeKeys,
            srtPassphrase: passphrase.value,
            version: secretsVersionAt(ctx.now()),
          },
          passphraseFileToWrite: passphrase.generatedFile,
        };
      },
    );
    const ev = event!;
    await preflight(ctx, anyRun, 'event-deploy', ev);
    const lock = await run.phase('lock', 'Locking the event', async () =>
      acquireLock(ctx.lockDir, ev.environment, ev.slug, {
        command: 'deploy',
        runId: run.id,
        now: ctx.now(),
      }),
    );
    release = lock.release;
    run.onChild = lock.addProcessGroup;
    if (lock.replaced)
      run.log('warn', `took over a stale lock left by ${describeHolder(lock.replaced)}`);
    const stateFile = localStateFile(ctx, ev);
    secureStateFolder(stateFile);
    if (passphraseFileToWrite && writeCredential(passphraseFileToWrite, provided.srtPassphrase)) {
      run.log(
        'info',
        `generated an SRT passphrase; it is in ${passphraseFileToWrite} (owner-only) for the venue encoder`,
      );
    }
    const secrets: Secrets = { ...provided, ...generatedCredentials(ctx, run, ev) };
    if (ev.stateBackend.kind === 'cloud') {
      const backend = ev.stateBackend;
      await run.phase('secrets', 'Setting Terraform Cloud workspace variables', async () => {
        const hostname = backend.hostname ?? 'app.terraform.io';
        const token = findTfcToken(hostname, ctx.env, ctx.terraformCloud.token);
        run.redactor.add(token);
        const vars = Object.fromEntries(
          Object.entries(secretEnv(ev, secrets)).map(([k, v]) => [k.replace(/^TF_VAR_/, ''), v]),
        );
        const done = await setWorkspaceVariables(
          {
            baseUrl: ctx.terraformCloud.baseUrl,
            token,
            organization: backend.organization,
            workspace: ev.names.tfcWorkspace,
            // TFC tag names: lowercase letters, digits, "-", "_" and ":".
            tags: ['stream-control', `environment:${ev.environment}`, `event:${ev.slug}`],
          },
          vars,
          (key) => VARIABLE_DESCRIPTIONS[key] ?? 'YouTube stream key (set by stream-control)',
          // The version is no secret; the remote run shows it, which helps tell deploys apart.
          [SECRETS_VERSION_VARIABLE],
        );
        run.log(
          'info',
          `workspace ${ev.names.tfcWorkspace}: ${done.created.length} variable(s) created, ${done.updated.length} updated (keys, passphrase and generated credentials sensitive)`,
        );
      });
    }
    await run.phase('synth', `Synthesizing ${ev.slug}`, () => synth(ctx, anyRun, ev));
    const applied = await run
      .phase('apply', 'Deploying infrastructure', async () => {
        const r = await deploy(ctx, anyRun, ev, secrets).finally(() =>
          tightenStateFiles(stateFile),
        );
        if (!r.ok) throw new Error(errorLine(r.tail) ?? 'cdktf deploy failed');
        return r;
      })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    if (applied) {
      if (run.abort.signal.aborted) {
        // No rollback after Ctrl-C: the operator stopped on purpose; say what is left.
        const left = await whatRemains(ctx, anyRun, ev);
        const remaining = left.problem === undefined ? left.resources : undefined;
        run.finish({
          ...base(),
          ...run.common(false, ExitCode.interrupted),
          rolledBack: false,
          remaining: remaining ?? [],
          ...(remaining === undefined ? { remainingUnknown: left.problem } : {}),
          error: {
            code: 'interrupted',
            message:
              remaining === undefined
                ? `interrupted; could not check what remains (${left.problem})`
                : `interrupted; ${remaining.length} resource(s) remain`,
            hint:
              remaining === undefined || remaining.length > 0
                ? `run \`${teardownCommand(ev)} --confirm\` to remove what remains, or deploy again`
                : undefined,
          },
        });
        return;
      }
      run.log('error', `deploy failed: ${applied.message}`);
      const recovered = recoverErroredState(stackDir(ctx, ev), stateFile, run.id, ctx.projectDir);
      if (recovered) {
        reportUnsavedState(run, ev, stateFile, recovered, applied.message, base());
        return;
      }
      await reportFailure(ctx, run, ev, secrets, req, applied.message, base());
      return;
    }
    const view = await readState(ctx, anyRun, ev);
    const { outputs } = shapeOutputs(view, false);
    let health: DeployResult['health'];
    let healthy = true;
    if (req.waitForHealth !== false) {
      const targets = healthTargets(outputs, secrets.statusToken);
      const probe = ctx.probe ?? defaultProbe(ctx.azure);
      // An unhealthy result fails the phase (shown as such) but not the run's flow.
      const waited = await run
        .phase('health', 'Waiting for relay, splitter and mixers', async () => {
          const w = await waitForHealth(anyRun, probe, targets, ctx.health);
          if (!w.healthy) throw Object.assign(new Error('unhealthy'), { waited: w });
          return w;
        })
        .catch((err: { waited?: Awaited<ReturnType<typeof waitForHealth>> }) => {
          if (!err.waited) throw err;
          return err.waited;
        });
      health = waited.components;
      healthy = waited.healthy;
    }
    if (run.abort.signal.aborted) {
      // Cancelled while waiting for health: the apply finished, so everything is in place.
      run.finish({
        ...base(),
        ...run.common(false, ExitCode.interrupted),
        outputs,
        rolledBack: false,
        remaining: view.resources,
        error: {
          code: 'interrupted',
          message: `interrupted while waiting for health; the event is deployed (${view.resources.length} resource(s))`,
          hint: `check it with \`./stream-control status --event ${ev.slug} --env ${ev.environment}\`, or remove it with \`${teardownCommand(ev)} --confirm\``,
        },
      });
      return;
    }
    run.finish({
      ...base(),
      ...run.common(healthy, healthy ? ExitCode.ok : ExitCode.unhealthy),
      outputs,
      redacted: secrets.mixerAdminPassword !== undefined ? ['mixer_admin_password'] : [],
      health,
      ...(healthy
        ? {}
        : {
            error: {
              code: 'unhealthy',
              message: `not healthy after ${ctx.health.attempts} attempts: ${health!
                .filter((c) => !c.ready)
                .map((c) => `${c.name} (${c.detail ?? 'not ready'})`)
                .join(', ')}`,
              hint: 'the event stays deployed; check `stream-control status` and the log file',
            },
          }),
    });
  } catch (err) {
    run.fail(err, base());
  } finally {
    release();
  }
}

/**
 * terraform created resources and could not save the state (a full disk): they are tracked
 * only by the errored state it wrote. A rollback would run on the old, emptier state and
 * could overwrite the errored one, so none is tried: the report names what exists and the one
 * command that puts the state back and removes it.
 */
function reportUnsavedState(
  run: RunImpl<DeployResult>,
  ev: EventConfig,
  stateFile: string,
  recovered: RecoveredState,
  cause: string,
  base: Pick<DeployResult, 'command' | 'event' | 'environment' | 'teardownCommand'>,
): void {
  const names = recovered.resources ?? [];
  const restore =
    ev.stateBackend.kind === 'local'
      ? `cp ${recovered.file} ${stateFile}`
      : `terraform -chdir=cdktf.out/events/${ev.environment}/${ev.slug}/stacks/${ev.slug} state push ${recovered.file}`;
  const what =
    recovered.resources === undefined
      ? `its errored state could not be read (${recovered.problem}): resources may exist`
      : `${names.length} resource(s) exist that no state file tracks: ${names.join(', ')}`;
  run.log('error', `terraform could not save its state; ${what}; kept in ${recovered.file}`);
  run.finish({
    ...base,
    ...run.common(false, ExitCode.rollbackFailed),
    rolledBack: false,
    rollback: 'failed',
    remaining: names,
    ...(recovered.resources === undefined ? { remainingUnknown: recovered.problem } : {}),
    recoveredState: recovered.file,
    error: {
      code: 'state-not-saved',
      message: `deploy failed and terraform could not save its state (${cause}); ${what}`,
      hint: `once there is room again, put the state back and remove them: ${restore} && ${teardownCommand(ev)} --confirm`,
    },
  });
}

/**
 * Asks Azure whether the event's resource group still exists, for an app that deploys to Azure
 * and a run that checked Azure before (pre-flight); says why, or undefined when all is clear.
 */
async function azureLeftover(ctx: Context, ev: EventConfig): Promise<string | undefined> {
  if (!ctx.preflight || !appUsesAzure(ctx)) return undefined;
  const name = ev.names.resourceGroup;
  try {
    const group = await ctx.azure().getResourceGroup(name);
    return group
      ? `the state holds nothing, but resource group ${name} still exists in Azure (remove it: ${removeByHandCommand(ev)})`
      : undefined;
  } catch (err) {
    return `the state holds nothing, but Azure could not be asked about resource group ${name} (${(err as Error).message.split('\n')[0]})`;
  }
}

/**
 * After a failed apply: roll back what exists (if anything does and rollback is on), then
 * report what really remains, read from the state rather than assumed, the cause first, and
 * the next command to run.
 */
async function reportFailure(
  ctx: Context,
  run: RunImpl<DeployResult>,
  ev: EventConfig,
  secrets: Secrets,
  req: DeployRequest,
  cause: string,
  base: Pick<DeployResult, 'command' | 'event' | 'environment' | 'teardownCommand'>,
): Promise<void> {
  const anyRun = run as unknown as RunImpl<RunResult>;
  const before = await whatRemains(ctx, anyRun, ev);
  let rollback: NonNullable<DeployResult['rollback']>;
  let rollbackCause: string | undefined;
  let after = before;
  if (before.problem === undefined && before.resources.length === 0) {
    rollback = 'not-needed';
  } else if (req.rollback === false) {
    rollback = 'off';
  } else {
    // A failed destroy fails the phase: no green tick over a rollback that did not happen.
    const failed = await run
      .phase('rollback', 'Rolling back: destroying what was created', async () => {
        const r = await destroy(ctx, anyRun, ev, secrets);
        if (!r.ok) throw new Error(errorLine(r.tail) ?? 'cdktf destroy failed');
      })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    rollbackCause = failed?.message;
    if (rollbackCause) run.log('error', `rollback failed: ${rollbackCause}`);
    after = await whatRemains(ctx, anyRun, ev);
    rollback = after.problem === undefined && after.resources.length === 0 ? 'done' : 'failed';
  }
  // An empty state is not yet "nothing remains": where Azure can be asked, its word counts too.
  if (after.problem === undefined && after.resources.length === 0) {
    const leftover = await azureLeftover(ctx, ev);
    if (leftover) {
      after = { problem: leftover };
      rollback = 'failed';
    }
  }
  const remaining = after.problem === undefined ? after.resources : undefined;
  const clean = remaining !== undefined && remaining.length === 0;
  if (remaining && remaining.length > 0) run.log('warn', `still deployed: ${remaining.join(', ')}`);
  const exitCode: ExitCodeValue = clean
    ? ExitCode.rolledBack
    : rollback === 'off'
      ? ExitCode.failed
      : ExitCode.rollbackFailed;
  const teardown = `\`${teardownCommand(ev)} --confirm\``;
  const redeploy = `./stream-control deploy --event ${ev.slug} --env ${ev.environment}`;
  const hint =
    rollback === 'not-needed'
      ? `nothing was created; fix the cause and deploy again: ${redeploy}`
      : clean
        ? `rolled back, nothing remains; fix the cause and deploy again: ${redeploy}`
        : remaining === undefined
          ? `could not check what remains (${after.problem}); check with ./stream-control status --event ${ev.slug} --env ${ev.environment}, then ${teardown}`
          : `${remaining.length} resource(s) remain${rollbackCause ? ` (rollback failed: ${rollbackCause})` : rollback === 'off' ? ' (rollback was off)' : ''}; remove them with ${teardown}`;
  run.finish({
    ...base,
    ...run.common(false, exitCode),
    rolledBack: clean,
    rollback,
    remaining: remaining ?? [],
    ...(remaining === undefined ? { remainingUnknown: after.problem } : {}),
    error: { code: 'deploy-failed', message: `deploy failed: ${cause}`, hint },
  });
}
