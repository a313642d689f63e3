/* global document, window, setTimeout */
// The current run: its live log, progress, outcome and connection info, followed over SSE.
import { state } from './state.js';
import { api, readStream } from './api.js';
import { $, copyable, el, localTime, setConnection, showMessage, timeOf } from './dom.js';
import { applyLive, refreshStatus } from './status-view.js';

export function watchRun(run) {
  if (state.watching && state.watching.id === run.id) return;
  if (state.watching) state.watching.controller.abort();
  const watch = {
    id: run.id,
    lastSeq: null,
    controller: new window.AbortController(),
    done: false,
  };
  state.watching = watch;
  $('log').replaceChildren();
  $('run-result').hidden = true;
  $('connection-info').hidden = true;
  $('progress-box').hidden = true;
  $('run-summary').textContent = `${run.command} ${run.event || ''} — run ${run.id}`;
  watch.command = run.command;
  watch.event = run.event;
  showCancel(watch, !run.finished);
  follow(watch, 0);
}

const CANCELLABLE = new Set(['deploy', 'teardown']);

function showCancel(watch, running) {
  const button = $('cancel-btn');
  button.hidden = !running || !CANCELLABLE.has(watch.command);
  button.disabled = false;
  button.textContent = `Cancel ${watch.command}`;
}

export function openCancel() {
  const watch = state.watching;
  if (!watch || watch.done) return;
  $('cancel-what').textContent = `${watch.command} of ${watch.event || 'this event'}`;
  $('cancel-dialog').showModal();
  $('cancel-keep').focus();
}

// The same stop as Ctrl-C in the CLI: the engine interrupts terraform and reports what remains.
export async function cancelRun() {
  $('cancel-dialog').close();
  const watch = state.watching;
  if (!watch || watch.done) return;
  const button = $('cancel-btn');
  button.disabled = true;
  button.textContent = 'Stopping…';
  const { status, body } = await api('POST', `/api/runs/${encodeURIComponent(watch.id)}/cancel`);
  if (status === 202) {
    logLine(
      'warn',
      `Cancel asked: terraform is being stopped; what remains is listed when it has.`,
    );
    return;
  }
  button.disabled = false;
  button.textContent = `Cancel ${watch.command}`;
  if (status !== 409)
    logLine('error', `Cancel refused: ${(body.error && body.error.message) || status}`);
}

async function follow(watch, failures) {
  try {
    await readStream(
      `/api/runs/${encodeURIComponent(watch.id)}/stream`,
      watch.lastSeq,
      (type, data, id) => {
        if (id !== null) watch.lastSeq = Number(id);
        renderEvent(data);
        if (type === 'done') watch.done = true;
      },
      watch.controller.signal,
    );
    failures = 0;
  } catch (error) {
    if (watch.controller.signal.aborted) return;
    if (error.status === 401 || error.status === 404) {
      logLine('error', `Live log unavailable: ${error.message}`);
      return;
    }
    failures += 1;
  }
  if (watch.done || watch.controller.signal.aborted) return;
  setConnection('Reconnecting to the live log…');
  setTimeout(() => follow(watch, failures), Math.min(1000 * 2 ** failures, 10000));
}

function logLine(kind, text) {
  const log = $('log');
  const stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 20;
  log.append(el('p', { class: `line ${kind}`, text }));
  if (stick) log.scrollTop = log.scrollHeight;
}

function renderEvent(event) {
  const at = timeOf(event.at);
  switch (event.type) {
    case 'run-started':
      setConnection('Connected');
      setTitle(`${event.command} ${event.event || ''} running`);
      $('run-summary').textContent =
        `${event.command} ${event.event || ''} — run ${event.runId}, log ${event.logFile}`;
      logLine(
        'phase',
        `[${at}] ${event.command} ${event.event || ''} started; log file ${event.logFile}`,
      );
      break;
    case 'phase-started':
      logLine('phase', `[${at}] ▶ ${event.label}`);
      break;
    case 'phase-finished':
      logLine(
        event.ok ? 'ok' : 'error',
        `[${at}] ${event.ok ? '✓' : '✗'} ${event.phase} (${(event.elapsedMs / 1000).toFixed(1)} s)`,
      );
      break;
    case 'log':
      logLine(event.level, `[${at}] ${event.message}`);
      break;
    case 'progress':
      renderProgress(event);
      logLine(
        'info',
        `[${at}] Ready ${event.ready}/${event.total} (attempt ${event.attempt}/${event.maxAttempts})`,
      );
      break;
    case 'done':
      if (state.watching) showCancel(state.watching, false);
      renderDone(event.result);
      break;
    default:
      break; // newer engine events this page does not know yet
  }
}

function renderProgress(event) {
  $('progress-box').hidden = false;
  $('progress-label').textContent = `Ready ${event.ready}/${event.total}`;
  $('progress').max = event.total || 1;
  $('progress').value = event.ready;
  $('components').replaceChildren(
    ...event.components.map((c) =>
      el('li', {
        class: c.ready ? 'ready' : '',
        text: `${c.name}: ${c.ready ? 'ready' : c.detail || 'waiting'}`,
      }),
    ),
  );
}

// Operators keep the dashboard in a background tab; the title tells them how the run is going.
function setTitle(what) {
  document.title = `${what} — stream-control`;
}

function renderDone(result) {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  setTitle(`${result.ok ? '✓' : '✗'} ${result.command} ${result.event || ''}`);
  // The run card now holds the outcome; a stale "started" note next to the form misleads.
  if ($('message').classList.contains('info')) $('message').hidden = true;
  if (result.ok) {
    logLine('ok', `✓ ${result.command} finished in ${seconds} s`);
    showMessage(
      'info',
      `${result.command} of ${result.event || ''} finished.`,
      { logFile: result.logFile },
      'run-result',
    );
    if (result.command === 'deploy') renderConnectionInfo(result);
  } else {
    const error = result.error || { message: `${result.command} failed` };
    // The engine's message may already say what failed; do not say it twice.
    const title =
      result.exitCode === 130
        ? `${result.command} of ${result.event || ''} stopped: ${error.message}`
        : error.message.startsWith(`${result.command} `)
          ? error.message
          : `${result.command} failed: ${error.message}`;
    logLine('error', `✗ ${title}`);
    const holder = error.holder
      ? [
          `In progress elsewhere: ${error.holder.command} by ${error.holder.user}@${error.holder.host} since ${localTime(error.holder.startedAt)}`,
        ]
      : [];
    const remaining = result.remaining || [];
    const left =
      remaining.length > 0
        ? [`Still in place (${remaining.length}): ${remaining.join(', ')}`]
        : result.remainingUnknown
          ? [`Could not check what remains: ${result.remainingUnknown}`]
          : [];
    showMessage(
      'error',
      title,
      {
        hint: error.hint,
        problems: [...holder, ...(error.problems || []), ...left],
        logFile: result.logFile,
      },
      'run-result',
    );
    if (remaining.length > 0) {
      logLine('warn', `Resources still in place: ${remaining.join(', ')}`);
    }
  }
  setConnection('Connected');
  refreshStatus();
}

function renderConnectionInfo(result) {
  const outputs = result.outputs || {};
  const box = $('connection-info');
  const rows = [
    ['Program ingest (SRT)', outputs.program_ingest_url],
    ['Slides ingest (SRT)', outputs.slides_ingest_url],
  ];
  const list = el('dl');
  for (const [label, value] of rows) {
    if (!value) continue;
    list.append(el('dt', { text: label }), el('dd', {}, copyable(value, label)));
  }
  for (const mixer of outputs.mixers || []) {
    list.append(
      el('dt', { text: `RDP ${mixer.language}` }),
      el('dd', {}, copyable(mixer.rdp, `RDP target for ${mixer.language}`)),
    );
  }
  // OBS mixers' RDP password: kept in an owner-only file on the deploying machine, never sent
  // to a page; say where to read it.
  if ((result.redacted || []).includes('mixer_admin_password')) {
    const command = `./stream-control outputs --event ${result.event} --env ${result.environment} --show-secrets`;
    list.append(
      el('dt', { text: 'RDP password' }),
      el('dd', {}, 'in a terminal on this machine: ', el('code', { text: command })),
    );
  }
  box.replaceChildren(el('h3', { text: `${result.event} is live` }), list);
  if (result.teardownCommand)
    box.append(
      el('p', { class: 'help' }, 'From a terminal: ', el('code', { text: result.teardownCommand })),
    );
  box.hidden = false;
}

// Runs started by another operator (or another tab) appear here without polling.
export async function followFeed(failures) {
  try {
    await readStream('/api/feed', null, (type, summary) => {
      if (type === 'run-started' && (!state.watching || state.watching.done)) watchRun(summary);
      if (type === 'run-finished') refreshStatus();
      if (type === 'live') applyLive(summary);
    });
    failures = 0;
  } catch (error) {
    if (error.status === 401) return;
    failures += 1;
  }
  setTimeout(() => followFeed(failures), Math.min(1000 * 2 ** failures, 15000));
}

export async function attachToLatestRun() {
  const { status, body } = await api('GET', '/api/runs');
  if (status !== 200 || body.runs.length === 0) return;
  const active = body.runs.find((r) => !r.finished);
  watchRun(active || body.runs[0]);
}
