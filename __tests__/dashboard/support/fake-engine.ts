/**
 * An in-process stand-in for the engine: it records every request it is given, and the test
 * decides what each run emits and when it finishes. Only the API tests use it; the browser
 * test runs the real engine.
 */
import {
  createEngine,
  EngineError,
  type Catalog,
  type CommandName,
  type EngineEvent,
  type Engine,
  type EventDescription,
  type EventRef,
  type Listener,
  type ListResult,
  type LiveListener,
  type LiveSnapshot,
  type OutputsResult,
  type PlanResult,
  type Run,
  type RunResult,
  type StatusResult,
} from '../../../engine';

type Emittable = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Omit<E, 'runId' | 'seq' | 'at'>
    : never
  : never;

export class FakeRun implements Run {
  readonly events: EngineEvent[] = [];
  readonly result: Promise<RunResult>;
  finished = false;
  cancelled = false;
  private resolve!: (r: RunResult) => void;
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly id: string,
    readonly command: CommandName,
    readonly event: string | undefined,
    readonly logFile: string,
    private readonly all: Set<Listener>,
  ) {
    this.result = new Promise((r) => (this.resolve = r));
  }

  emit(partial: Emittable): void {
    const event = {
      ...partial,
      runId: this.id,
      seq: this.events.length,
      at: new Date(Date.UTC(2026, 4, 1, 8, 0, this.events.length)).toISOString(),
    } as EngineEvent;
    this.events.push(event);
    for (const l of [...this.listeners, ...this.all]) l(event);
  }

  start(): this {
    this.emit({
      type: 'run-started',
      command: this.command,
      event: this.event,
      logFile: this.logFile,
    });
    return this;
  }

  log(message: string, level: 'info' | 'warn' | 'error' = 'info'): void {
    this.emit({ type: 'log', level, source: 'engine', message });
  }

  finish(result: Partial<RunResult> = {}): void {
    const full = {
      command: this.command,
      ok: true,
      exitCode: 0,
      runId: this.id,
      logFile: this.logFile,
      elapsedMs: 1234,
      ...result,
    } as RunResult;
    this.emit({ type: 'done', result: full });
    this.finished = true;
    this.resolve(full);
  }

  subscribe(listener: Listener, options: { replay?: boolean } = {}): () => void {
    if (options.replay !== false) for (const e of [...this.events]) listener(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  history(): readonly EngineEvent[] {
    return [...this.events];
  }

  cancel(): void {
    this.cancelled = true;
    if (!this.finished) this.finish({ ok: false, exitCode: 130 });
  }
}

export interface Call {
  readonly method: string;
  readonly request: unknown;
}

/** Results for the query commands, finished as soon as they are asked for. */
export interface FakeAnswers {
  list?: Partial<ListResult>;
  plan?: (ref: EventRef) => Partial<PlanResult>;
  outputs?: (ref: EventRef) => Partial<OutputsResult>;
  status?: (ref: EventRef) => Partial<StatusResult>;
}

export class FakeEngine implements Engine {
  /** The real engine's event catalog and validation, over the test's events folder. */
  private readonly events: Pick<Engine, 'catalog' | 'describeEvent' | 'checkDeploy'>;

  constructor(eventsDir?: string) {
    this.events = createEngine({ eventsDir, env: {} });
  }

  readonly calls: Call[] = [];
  readonly started: FakeRun[] = [];
  answers: FakeAnswers = {};
  /** Called with each new deploy/teardown run after run-started; scripts what it emits. */
  onRun?: (run: FakeRun, request: unknown) => void;
  private readonly all = new Set<Listener>();

  private begin(command: CommandName, request: unknown, event?: string): FakeRun {
    this.calls.push({ method: command, request: JSON.parse(JSON.stringify(request ?? null)) });
    const id = `run-${this.started.length + 1}`;
    const run = new FakeRun(id, command, event, `/tmp/fake-logs/${id}.log`, this.all);
    this.started.push(run);
    return run.start();
  }

  deploy(request: Parameters<Engine['deploy']>[0]) {
    const run = this.begin('deploy', request, request.event);
    this.onRun?.(run, request);
    return run as unknown as Run<never>;
  }

  teardown(request: Parameters<Engine['teardown']>[0]) {
    const run = this.begin('teardown', request, request.event);
    this.onRun?.(run, request);
    return run as unknown as Run<never>;
  }

  status(request: EventRef) {
    const run = this.begin('status', request, request.event);
    run.finish({
      exists: true,
      containerGroups: [],
      vms: [],
      health: [],
      ...this.answers.status?.(request),
    } as Partial<RunResult>);
    return run as unknown as Run<never>;
  }

  outputs(request: EventRef) {
    const run = this.begin('outputs', request, request.event);
    run.finish({
      outputs: {},
      redacted: [],
      ...this.answers.outputs?.(request),
    } as Partial<RunResult>);
    return run as unknown as Run<never>;
  }

  list() {
    const run = this.begin('list', {});
    run.finish({ events: [], ...this.answers.list } as Partial<RunResult>);
    return run as unknown as Run<never>;
  }

  /** Validates like the real plan (the real engine's rules), then answers from `answers`. */
  plan(request: EventRef) {
    const run = this.begin('plan', request, request.event);
    try {
      this.events.describeEvent(request);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      run.finish({
        ok: false,
        exitCode: 2,
        error: { code: err.code, message: err.message, fieldProblems: err.extra.fieldProblems },
      } as Partial<RunResult>);
      return run as unknown as Run<never>;
    }
    run.finish({
      event: request.event,
      environment: request.environment ?? 'production',
      languages: [],
      resources: [],
      cost: {
        currency: 'USD',
        perHour: 0,
        perEvent: 0,
        priceDate: '2026-01-01',
        region: 'westeurope',
        sources: [],
      },
      timeToReady: { seconds: 0, criticalPath: [] },
      ...this.answers.plan?.(request),
    } as Partial<RunResult>);
    return run as unknown as Run<never>;
  }

  cleanup(request?: unknown): Run<never> {
    this.calls.push({ method: 'cleanup', request });
    throw new Error('the dashboard does not clean up');
  }

  private noPlatform(method: string, request: unknown): never {
    this.calls.push({ method, request });
    throw new Error('the dashboard does not manage the platform');
  }

  platformDeploy(request?: unknown): Run<never> {
    return this.noPlatform('platform-deploy', request);
  }

  platformStatus(request?: unknown): Run<never> {
    return this.noPlatform('platform-status', request);
  }

  platformDestroy(request?: unknown): Run<never> {
    return this.noPlatform('platform-destroy', request);
  }

  platformBuildImage(request?: unknown): Run<never> {
    return this.noPlatform('platform-build-image', request);
  }

  describeEvent(ref: EventRef): EventDescription {
    return this.events.describeEvent(ref);
  }

  catalog(): Catalog {
    return this.events.catalog();
  }

  checkDeploy(request: Parameters<Engine['checkDeploy']>[0]): EventDescription {
    return this.events.checkDeploy(request);
  }

  runs(): readonly Run[] {
    return this.started;
  }

  getRun(id: string): Run | undefined {
    return this.started.find((r) => r.id === id);
  }

  subscribeAll(listener: Listener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  private readonly live = new Set<LiveListener>();

  watchLive(listener: LiveListener): () => void {
    this.live.add(listener);
    return () => this.live.delete(listener);
  }

  /** How many pages listen to live status now. */
  get liveListeners(): number {
    return this.live.size;
  }

  /** Hands a round of live status to every listener, as the engine's poller would. */
  pushLive(snapshot: LiveSnapshot): void {
    for (const l of [...this.live]) l(snapshot);
  }

  /** The runs of one command, for assertions. */
  callsOf(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.request);
  }
}
