import type { PlatformOutputs } from '../lib/platform-outputs';
import type { MixerKind } from '../lib/mixer-model';
import type { EnvironmentName } from '../lib/profiles';
import type { EventOutputs } from '../lib/stack-outputs';
import type { IdleCostReport } from './platform/idle-cost';
import type { EventLive, LiveListener, LiveOptions } from './live/types';

export type { EventOutputs, MixerOutput } from '../lib/stack-outputs';
export type { MixerKind } from '../lib/mixer-model';
export type { PlatformOutputs } from '../lib/platform-outputs';
export type { IdleCostLine, IdleCostReport } from './platform/idle-cost';
export type * from './live/types';

/**
 * Public API of the stream-control engine. The CLI (scripts/cli.ts) and the web dashboard
 * (dashboard/) are both front ends of it: they start runs, subscribe to a run's events and
 * render them. Nothing here prints or exits; every outcome is a value.
 *
 * Stability: fields are only ever added. A front end must ignore event types and fields it
 * does not know.
 */

/** Documented in help/cli.md; the CLI exits with exactly these. */
export const ExitCode = {
  ok: 0,
  /** The run failed; resources may remain (rollback was off or not applicable). */
  failed: 1,
  /** Bad input: nothing was touched. */
  badInput: 2,
  /** The deploy failed and everything it created was destroyed again. */
  rolledBack: 3,
  /** Another run holds this event's lock; nothing was touched. */
  locked: 4,
  /** Deployed, but not every component became healthy within the retries. Resources remain. */
  unhealthy: 5,
  /** The deploy failed and the rollback failed too: resources remain (listed in the result). */
  rollbackFailed: 6,
  /**
   * A prerequisite is missing: terraform/cdktf binary, Azure login or subscription, a provider
   * terraform cannot get, an unregistered resource provider, a role too weak, a Terraform Cloud
   * token. Raised before anything is locked or created.
   */
  prerequisite: 7,
  /** A network failure talking to Azure, Terraform Cloud or a health endpoint. */
  network: 8,
  /** Interrupted (SIGINT / cancel()). */
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** lib/profiles.ts owns the list (ENVIRONMENTS). */
export type Environment = EnvironmentName;
export type CommandName =
  | 'deploy'
  | 'teardown'
  | 'status'
  | 'plan'
  | 'list'
  | 'outputs'
  | 'cleanup'
  | 'platform-deploy'
  | 'platform-status'
  | 'platform-destroy'
  | 'platform-build-image';

/** Phases a run may go through, in this order (a command uses a subset). */
export type PhaseName =
  | 'validate'
  | 'lock'
  | 'secrets' // Terraform Cloud workspace variables
  | 'synth'
  | 'apply'
  | 'rollback'
  | 'health'
  | 'destroy'
  | 'preflight' // Azure login, subscription, providers, role: before any lock or state
  | 'query' // status / list / outputs / plan reads
  | 'cleanup'
  | 'build'; // platform build-image (Packer)

/** Who holds an event's lock. Written as JSON into <lockDir>/<slug>.lock. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly user: string;
  readonly command: CommandName;
  readonly runId: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /**
   * Process groups of the run's children (cdktf, terraform, providers). The lock is stale only
   * when the holder and every one of these are gone: a front end killed with -9 can leave
   * terraform finishing its step, and a second run must not collide with it.
   */
  readonly processGroups?: readonly number[];
}

// ---------------------------------------------------------------- events

interface EventBase {
  readonly runId: string;
  /** Sequence number within the run, from 0; replay delivers them in order. */
  readonly seq: number;
  /** ISO 8601. */
  readonly at: string;
}

export interface RunStartedEvent extends EventBase {
  readonly type: 'run-started';
  readonly command: CommandName;
  /** Event slug, when the command is about one event. */
  readonly event?: string;
  /**
   * Absolute path of this run's log file (redacted, like every event). Only commands that
   * change something keep one: deploy, teardown, cleanup (not a dry run) and the platform's
   * deploy, destroy and build-image.
   */
  readonly logFile?: string;
}

export interface PhaseStartedEvent extends EventBase {
  readonly type: 'phase-started';
  readonly phase: PhaseName;
  /** Human label, e.g. "Deploying infrastructure". */
  readonly label: string;
}

export interface PhaseFinishedEvent extends EventBase {
  readonly type: 'phase-finished';
  readonly phase: PhaseName;
  readonly ok: boolean;
  readonly elapsedMs: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEvent extends EventBase {
  readonly type: 'log';
  readonly level: LogLevel;
  /**
   * engine: the engine's own narration; terraform: a line from the cdktf/terraform child;
   * packer: a line from Packer (platform build-image).
   */
  readonly source: 'engine' | 'terraform' | 'packer';
  /** Already redacted. */
  readonly message: string;
}

export interface ProgressEvent extends EventBase {
  readonly type: 'progress';
  readonly phase: PhaseName;
  readonly ready: number;
  readonly total: number;
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Per component, for a richer display. */
  readonly components: readonly ComponentHealth[];
}

export interface DoneEvent extends EventBase {
  readonly type: 'done';
  readonly result: RunResult;
}

export type EngineEvent =
  RunStartedEvent | PhaseStartedEvent | PhaseFinishedEvent | LogEvent | ProgressEvent | DoneEvent;

export type Listener = (event: EngineEvent) => void;

// ---------------------------------------------------------------- results

export interface RunError {
  /** Stable machine code, e.g. "bad-input", "locked", "terraform-missing", "azure-login". */
  readonly code: string;
  /** One line: what was wrong. Redacted. */
  readonly message: string;
  /** One line: how to fix it. */
  readonly hint?: string;
  /** Every problem when several inputs were bad (validation). */
  readonly problems?: readonly string[];
  /** The same problems, each with the request field it belongs to (for a form). */
  readonly fieldProblems?: readonly FieldProblem[];
  /** Set when code is "locked". */
  readonly holder?: LockHolder;
  /** Stack trace, only for --debug display. Redacted. */
  readonly stack?: string;
}

export interface FieldProblem {
  /** Request field: "event", "environment", "youtubeKeys.<language>", "srtPassphrase". */
  readonly field: string;
  /** One line: the value's problem and the rule. */
  readonly message: string;
}

interface ResultBase {
  readonly command: CommandName;
  readonly ok: boolean;
  readonly exitCode: ExitCodeValue;
  readonly runId: string;
  /** Absent for commands that change nothing (they keep no log). */
  readonly logFile?: string;
  /** Set when the log file could not be written (a full disk): the run went on without it. */
  readonly logProblem?: string;
  readonly elapsedMs: number;
  readonly error?: RunError;
}

export interface ComponentHealth {
  /** "relay", "splitter" or "mixer-<language>". */
  readonly name: string;
  readonly kind: 'relay' | 'splitter' | 'mixer';
  readonly ready: boolean;
  /** Why not ready, one line, e.g. "HTTP 503" or "VM starting". */
  readonly detail?: string;
}

export interface DeployResult extends ResultBase {
  readonly command: 'deploy';
  readonly event: string;
  readonly environment: Environment;
  readonly outputs?: EventOutputs;
  /**
   * Secrets of the event the result leaves out: mixer_admin_password for OBS mixers, kept in
   * an owner-only file beside the state (`outputs --show-secrets` shows it).
   */
  readonly redacted?: readonly string[];
  readonly health?: readonly ComponentHealth[];
  /** After a failure: resource addresses still in state (empty when rolled back cleanly). */
  readonly remaining?: readonly string[];
  /** After a failure: set when the state could not be read, so what remains is unknown. */
  readonly remainingUnknown?: string;
  /** True when nothing of this deploy remains (checked in the state). */
  readonly rolledBack?: boolean;
  /**
   * After a failure: not-needed (nothing had been created), done (destroyed, nothing remains),
   * failed (the destroy failed or left resources), off (rollback was not asked for).
   */
  readonly rollback?: 'not-needed' | 'done' | 'failed' | 'off';
  /** e.g. "./stream-control teardown --event conference-2025 --env production". */
  readonly teardownCommand: string;
  /**
   * After terraform could not save its state: where its errored.tfstate was moved (the only
   * record of the resources in `remaining`). Nothing was rolled back.
   */
  readonly recoveredState?: string;
}

export interface TeardownResult extends ResultBase {
  readonly command: 'teardown';
  readonly event: string;
  readonly environment: Environment;
  /** True when there was nothing to destroy (second teardown). */
  readonly nothingLeft: boolean;
  readonly destroyed: readonly string[];
  readonly remaining: readonly string[];
}

export interface ContainerStatus {
  readonly name: string;
  readonly state: string;
  readonly ip?: string;
  readonly fqdn?: string;
  readonly containers: readonly { name: string; state: string; restarts: number }[];
}

export interface VmStatus {
  readonly name: string;
  readonly language?: string;
  readonly powerState: string;
  readonly provisioningState?: string;
  readonly privateIp?: string;
  readonly publicIp?: string;
}

export interface StatusResult extends ResultBase {
  readonly command: 'status';
  readonly event: string;
  readonly environment: Environment;
  readonly resourceGroup?: string;
  /** False when the event's resource group does not exist. */
  readonly exists: boolean;
  readonly containerGroups: readonly ContainerStatus[];
  readonly vms: readonly VmStatus[];
  readonly health: readonly ComponentHealth[];
  readonly expiresAt?: string;
  /** Negative when expired. */
  readonly timeLeftMs?: number;
  /** What each part says on its /status (relay, splitter, each mixer), read with the token. */
  readonly live?: EventLive;
  /**
   * Why `live` is missing: the status token is kept only on the machine that deployed the
   * event (an owner-only file beside its state), so the parts are shown by health alone.
   */
  readonly liveUnavailable?: string;
}

export interface PlannedResource {
  /** Terraform type, e.g. "azurerm_windows_virtual_machine". */
  readonly type: string;
  /** Address in the synthesized JSON, e.g. "azurerm_windows_virtual_machine.mixer_spanish_vm". */
  readonly address: string;
  /** Expected seconds to create, from data/prices.json "createSeconds". */
  readonly createSeconds: number;
  /** USD per hour, 0 when free. */
  readonly costPerHour: number;
  readonly costNote?: string;
}

export interface PlanResult extends ResultBase {
  readonly command: 'plan';
  readonly event: string;
  readonly environment: Environment;
  readonly languages: readonly string[];
  /** Each language's audio in the program feed, "spanish: track 2, floor at -18 dB", in order. */
  readonly audio: readonly string[];
  /** What protects the venue's ingest, one sentence (the passphrase; help/ingest.md). */
  readonly protection: string;
  readonly resources: readonly PlannedResource[];
  readonly cost: {
    readonly currency: 'USD';
    readonly perHour: number;
    /** perHour × the event's ttlHours: the most it can cost before cleanup. */
    readonly perEvent: number;
    readonly priceDate: string;
    readonly region: string;
    readonly sources: readonly string[];
  };
  readonly timeToReady: {
    readonly seconds: number;
    /** Resource addresses on the critical path, first created first. */
    readonly criticalPath: readonly string[];
  };
  /**
   * The event's own mixer kind, which resources, cost and timeToReady are for.
   * @default - absent when the event could not be read
   */
  readonly mixer?: MixerKind;
  /**
   * The same event planned with the other mixer kind (help/mixers.md), so an operator can
   * choose between them. @default - absent when the event could not be read
   */
  readonly alternative?: PlanAlternative;
}

/**
 * The other kind's figures, from the same analysis as the event's own; `unavailable` (one
 * line) instead when that variant could not be synthesized.
 */
export type PlanAlternative =
  | {
      readonly mixer: MixerKind;
      readonly resourceCount: number;
      readonly cost: { readonly perHour: number; readonly perEvent: number };
      readonly timeToReady: { readonly seconds: number; readonly criticalPath: readonly string[] };
    }
  | { readonly mixer: MixerKind; readonly unavailable: string };

export interface EventSummary {
  readonly event: string;
  readonly environment: Environment;
  readonly backend: 'local' | 'azurerm' | 'cloud';
  /** Resources in its state; 0 when found only by Azure tags (the count lives in the state). */
  readonly resourceCount: number;
  readonly createdAt?: string;
  readonly expiresAt?: string;
  readonly ageMs?: number;
  readonly expired: boolean;
  readonly statePath?: string;
  /** Where it was found: this machine's state files, or Azure's tags. @default "state" */
  readonly foundBy?: 'state' | 'azure';
  /** Holder when a run is in progress on it. */
  readonly lockedBy?: LockHolder;
}

export interface ListRequest {
  /**
   * Also ask Azure for resource groups tagged managed-by=stream-control, so events whose state
   * lives in a shared backend (azurerm, Terraform Cloud) or on another machine are listed too.
   * @default false - local state only, offline
   */
  readonly azure?: boolean;
}

export interface ListResult extends ResultBase {
  readonly command: 'list';
  readonly events: readonly EventSummary[];
  /** State files that could not be read, each named with why; the other events are listed. */
  readonly problems?: readonly string[];
}

export interface OutputsResult extends ResultBase {
  readonly command: 'outputs';
  readonly event: string;
  readonly environment: Environment;
  readonly outputs: EventOutputs;
  /**
   * The SRT passphrase for the venue encoders, from the engine's owner-only passphrase file
   * (never a stack output: it would sit in state). Only with showSecrets.
   */
  readonly srtPassphrase?: string;
  /**
   * The OBS mixers' Windows admin password, from the owner-only file the deploy generated
   * beside the state (never a stack output). Only with showSecrets, only for OBS mixers.
   */
  readonly mixerAdminPassword?: string;
  /**
   * Generated secrets of this event kept only on the machine that deployed it, absent here
   * (e.g. ["mixer_admin_password"]).
   */
  readonly notHere?: readonly string[];
  /**
   * Names of sensitive values left out (empty with showSecrets): sensitive outputs,
   * srt_passphrase and mixer_admin_password when their files are here.
   */
  readonly redacted: readonly string[];
}

export interface CleanupCandidate {
  readonly event: string;
  readonly environment: Environment;
  readonly resourceGroup: string;
  readonly expiresAt: string;
  /** "destroyed" | "would destroy" (dry run) | "skipped: <why>" | "failed: <why>". */
  readonly action: string;
}

export interface CleanupResult extends ResultBase {
  readonly command: 'cleanup';
  readonly dryRun: boolean;
  readonly candidates: readonly CleanupCandidate[];
}

interface PlatformResultBase extends ResultBase {
  readonly environment: Environment;
  /** cdktf stack name, platform-<env>. */
  readonly stack: string;
}

export interface PlatformDeployResult extends PlatformResultBase {
  readonly command: 'platform-deploy';
  /** Where the platform's state is (local, it creates the storage events use). */
  readonly stateFile: string;
  /** After a success. */
  readonly outputs?: PlatformOutputs;
  /** After a failure: resource addresses in state, checked (a platform is never rolled back). */
  readonly remaining?: readonly string[];
}

export interface PlatformDestroyResult extends PlatformResultBase {
  readonly command: 'platform-destroy';
  /** True when there was nothing to destroy. */
  readonly nothingLeft: boolean;
  readonly destroyed: readonly string[];
  readonly remaining: readonly string[];
}

export interface PlatformStatusResult extends PlatformResultBase {
  readonly command: 'platform-status';
  readonly deployed: boolean;
  readonly outputs?: PlatformOutputs;
  readonly idleCost: IdleCostReport;
}

export interface BuildImageResult extends PlatformResultBase {
  readonly command: 'platform-build-image';
  /** Gallery image version, set once it is known. */
  readonly version?: string;
  /** Gallery image definition it was published to. */
  readonly imageName?: string;
}

export type RunResult =
  | DeployResult
  | TeardownResult
  | StatusResult
  | PlanResult
  | ListResult
  | OutputsResult
  | CleanupResult
  | PlatformDeployResult
  | PlatformDestroyResult
  | PlatformStatusResult
  | BuildImageResult;

// ---------------------------------------------------------------- requests

export interface EventRef {
  /** Event name or slug; normalized with lib/naming eventSlug. */
  readonly event: string;
  /** @default - the event file's environment, else "production" */
  readonly environment?: Environment;
}

export interface DeployRequest extends EventRef {
  /**
   * One YouTube stream key per language: by language name, or in the event's language order.
   * Values never leave the engine except as TF_VAR_ values in the terraform child's environment
   * (and as sensitive Terraform Cloud workspace variables for a cloud backend).
   */
  readonly youtubeKeys: Readonly<Record<string, string>> | readonly string[];
  /** @default - generated (random, 32 characters) and kept out of every log */
  readonly srtPassphrase?: string;
  /** @default true */
  readonly rollback?: boolean;
  /** @default true - wait for relay, splitter and mixers to report healthy */
  readonly waitForHealth?: boolean;
}

export interface TeardownRequest extends EventRef {
  /** The front end asked the operator; the engine refuses without it. */
  readonly confirm: true;
}

export interface OutputsRequest extends EventRef {
  /** @default false */
  readonly showSecrets?: boolean;
}

export interface CleanupRequest {
  /** @default false */
  readonly dryRun?: boolean;
}

export interface PlatformRequest {
  /** @default "production" */
  readonly environment?: Environment;
}

export interface PlatformDestroyRequest extends PlatformRequest {
  /** The front end asked the operator; the engine refuses without it. */
  readonly confirm: true;
}

export interface BuildImageRequest extends PlatformRequest {
  /** Gallery image version to publish. @default 1.<yyyymmdd>.<hhmm> of now, UTC */
  readonly version?: string;
}

/** An event as the engine would deploy it, for a front end's form or prompt. */
export interface EventDescription {
  readonly slug: string;
  /** What the crew calls it (the event file's "name", else what was typed). */
  readonly displayName: string;
  readonly environment: Environment;
  /** One YouTube key per language, in this order. */
  readonly languages: readonly string[];
  /** Where each language's audio is in the program feed, same order: "track 2, floor at -18 dB". */
  readonly audio: readonly string[];
  readonly ttlHours: number;
  /** Base name of the event's file, when it has one (else the event is made of defaults). */
  readonly file?: string;
}

/** What a front end can offer to deploy. */
export interface Catalog {
  readonly environments: readonly Environment[];
  /** Every valid event file. */
  readonly events: readonly EventDescription[];
  /** Broken event files, one line per problem, each naming its file; the rest are offered. */
  readonly problems: readonly string[];
}

// ---------------------------------------------------------------- runs and the engine

export interface Run<R extends RunResult = RunResult> {
  readonly id: string;
  readonly command: CommandName;
  readonly event?: string;
  /** Absent for commands that change nothing (they keep no log). */
  readonly logFile?: string;
  /**
   * Listen to this run. With replay (the default) the listener first receives, synchronously
   * and in order, every event already emitted (run-started onwards), then live ones; so a late
   * subscriber (a browser that connects mid-deploy) sees the whole run. Returns unsubscribe.
   */
  subscribe(listener: Listener, options?: { replay?: boolean }): () => void;
  /** Every event so far, in order. */
  history(): readonly EngineEvent[];
  /** Resolves once with the result; never rejects (failures are results with an error). */
  readonly result: Promise<R>;
  readonly finished: boolean;
  /** Stop the run: the terraform child gets SIGINT, then SIGTERM; result exit code 130. */
  cancel(): void;
}

export interface Engine {
  deploy(request: DeployRequest): Run<DeployResult>;
  teardown(request: TeardownRequest): Run<TeardownResult>;
  status(request: EventRef): Run<StatusResult>;
  plan(request: EventRef): Run<PlanResult>;
  list(request?: ListRequest): Run<ListResult>;
  outputs(request: OutputsRequest): Run<OutputsResult>;
  cleanup(request?: CleanupRequest): Run<CleanupResult>;
  /** Create or update one environment's platform (state storage, registry, gallery). */
  platformDeploy(request?: PlatformRequest): Run<PlatformDeployResult>;
  /** What the platform holds and what it costs while idle; reads files only. */
  platformStatus(request?: PlatformRequest): Run<PlatformStatusResult>;
  /** Destroy the platform; refused while events of the environment are deployed. */
  platformDestroy(request: PlatformDestroyRequest): Run<PlatformDestroyResult>;
  /** Build the mixer image with Packer and publish it as a new gallery version. */
  platformBuildImage(request?: BuildImageRequest): Run<BuildImageResult>;
  /**
   * The validated event without starting a run, from this engine's events folder, state and
   * environment. Throws EngineError (code "bad-input", with problems and fieldProblems).
   */
  describeEvent(ref: EventRef): EventDescription;
  /**
   * Every check deploy makes before it touches anything (the event, one valid key per
   * language, the passphrase), without starting a run: a front end reports bad input without
   * a log file or progress. Throws EngineError like describeEvent, keys and passphrase
   * problems together, each with its field.
   */
  checkDeploy(request: DeployRequest): EventDescription;
  /** The event files on offer, each validated the way deploy would. */
  catalog(): Catalog;
  /** Runs started by this engine instance, oldest first (finished ones included). */
  runs(): readonly Run[];
  getRun(id: string): Run | undefined;
  /** Every event of every run of this engine, live (no replay); returns unsubscribe. */
  subscribeAll(listener: Listener): () => void;
  /**
   * Every deployed event's parts (relay, splitter, each mixer: feed, audio level, on air), read
   * from their /status with each event's status token every live.intervalMs while at least one
   * listener is subscribed. The listener first gets the latest round, if any. Returns
   * unsubscribe; the last one out stops the reads.
   */
  watchLive(listener: LiveListener): () => void;
}

// ---------------------------------------------------------------- dependencies

/** Probe one component once. Never throws: a failure is { ready: false, detail }. */
export type HealthProbe = (target: HealthTarget) => Promise<ComponentHealth>;

export interface HealthTarget {
  readonly name: string;
  readonly kind: 'relay' | 'splitter' | 'mixer';
  /** For relay / splitter: the /health URL from the stack outputs. */
  readonly url?: string;
  /**
   * Container mixer: its /status URL and the event's status token; ready means its status says
   * onAir (the destination is taking the stream), not merely that the container runs.
   */
  readonly statusUrl?: string;
  readonly token?: string;
  /** For mixers. */
  readonly resourceGroup?: string;
  readonly computerName?: string;
  readonly language?: string;
}

/** The subscription as Azure reports it to the logged-in caller. */
export interface SubscriptionInfo {
  readonly id: string;
  readonly displayName: string;
  /** Enabled, Warned, PastDue, Disabled or Deleted. */
  readonly state: string;
}

/** One entry of the caller's effective permissions (actions may hold "*" wildcards). */
export interface PermissionEntry {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

export interface ResourceGroupInfo {
  readonly name: string;
  readonly location: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly provisioningState?: string;
}

/**
 * What the engine needs from Azure. The default implementation (engine/azure.ts) wraps the
 * Azure SDK for JavaScript with DefaultAzureCredential; tests pass recorded SDK responses.
 */
export interface AzureClient {
  /** Resource groups that carry tag `name` (any value when value is omitted). */
  listResourceGroupsByTag(name: string, value?: string): Promise<ResourceGroupInfo[]>;
  getResourceGroup(name: string): Promise<ResourceGroupInfo | undefined>;
  listContainerGroups(resourceGroup: string): Promise<ContainerStatus[]>;
  listVirtualMachines(resourceGroup: string): Promise<VmStatus[]>;
  /** Pre-flight: the working subscription; throws the SDK's login error when not logged in. */
  getSubscription(): Promise<SubscriptionInfo>;
  /** Pre-flight: registration state of each resource provider namespace, by namespace. */
  providerStates(namespaces: readonly string[]): Promise<Record<string, string>>;
  /** Pre-flight: what the caller may do at subscription scope. */
  callerPermissions(): Promise<readonly PermissionEntry[]>;
}

export interface EngineOptions {
  /** Folder holding cdktf.json and events/. @default - the repository root */
  readonly projectDir?: string;
  /** @default <projectDir>/events */
  readonly eventsDir?: string;
  /** Local state root: state/<environment>/<slug>.tfstate. @default <projectDir>/state */
  readonly stateDir?: string;
  /** @default <projectDir>/logs */
  readonly logDir?: string;
  /** @default <projectDir>/.locks */
  readonly lockDir?: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** @default - Azure SDK with DefaultAzureCredential, created on first use */
  readonly azure?: AzureClient;
  /** @default - HTTP GET for relay/splitter, Azure VM power state for mixers */
  readonly probe?: HealthProbe;
  /** Health wait bounds. @default { attempts: 40, intervalMs: 15000 } */
  readonly health?: { readonly attempts: number; readonly intervalMs: number };
  /** Base environment for children (secrets are added on top). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default <projectDir>/node_modules/.bin/cdktf */
  readonly cdktfBin?: string;
  /** Packer, for platform build-image. @default "packer" on PATH */
  readonly packerBin?: string;
  /** Terraform Cloud API. @default { baseUrl: "https://app.terraform.io" } */
  readonly terraformCloud?: { readonly baseUrl?: string; readonly token?: string };
  /** Also mirror debug-level lines into events. @default false */
  readonly debug?: boolean;
  /**
   * Check Azure login and subscription, the providers terraform needs, resource provider
   * registrations and the caller's role before deploy, teardown and the platform's deploy and
   * destroy lock or create anything (help/cli.md, "Pre-flight"). false skips the checks: only
   * for apps that never reach Azure, like the test fixture.
   * @default true (STREAM_CONTROL_SKIP_PREFLIGHT=1 makes it false)
   */
  readonly preflight?: boolean;
  /** Live status reads (watchLive, status). @default { intervalMs: 3000, timeoutMs: 2500 } */
  readonly live?: LiveOptions;
}

/** engine/index.ts exports `createEngine(options?: EngineOptions): Engine`. */
export type CreateEngine = (options?: EngineOptions) => Engine;
