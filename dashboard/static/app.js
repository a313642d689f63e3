/* global document, window, sessionStorage, history, location, fetch, TextDecoder, setTimeout, clearTimeout, URLSearchParams */
// The dashboard page. Plain script, no build: every element is made with textContent, never
// innerHTML, so nothing the engine or terraform prints can become markup.
'use strict';

const TOKEN_KEY = 'stream-control-token';
const TOKEN_HEADER = 'X-Stream-Control-Token';

const $ = (id) => document.getElementById(id);
const state = {
  token: null,
  catalog: { environments: [], events: [] },
  languages: [],
  resolved: null,
  envTouched: false,
  watching: null, // { id, lastSeq, controller, done }
};

// ------------------------------------------------------------------ token

// The token arrives in the fragment (never sent to a server, never in access logs) and moves
// to sessionStorage, so it survives a reload but not the tab, and leaves the address bar.
function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function showTokenGate(reason) {
  $('app').hidden = true;
  $('token-gate').hidden = false;
  setConnection(reason || 'Token needed');
  $('token-input').focus();
}

// ------------------------------------------------------------------ API

async function api(method, path, body) {
  const headers = { [TOKEN_HEADER]: state.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { status: 0, body: { error: { message: 'the dashboard server cannot be reached' } } };
  }
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    showTokenGate('The token was not accepted');
  }
  return { status: response.status, body: data };
}

function setConnection(text) {
  $('connection').textContent = text;
}

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

// Ingest URLs and RDP targets get pasted into encoders and RDP clients at the venue; a copy
// button beats selecting a long URL on a phone.
function copyable(text, what) {
  const button = el('button', {
    type: 'button',
    class: 'copy',
    'aria-label': `Copy ${what}`,
    text: 'Copy',
  });
  button.addEventListener('click', async () => {
    try {
      await window.navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select and copy';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
  return el('span', { class: 'copyable' }, el('code', { text }), button);
}

function duration(ms) {
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

// ------------------------------------------------------------------ messages

function showMessage(kind, title, details, target = 'message') {
  const box = $(target);
  box.replaceChildren(el('p', { text: title }));
  box.className = kind === 'info' ? 'message info' : 'message';
  const { hint, problems, logFile } = details || {};
  if (hint) box.append(el('p', { text: `How to fix: ${hint}` }));
  if (problems && problems.length > 0) {
    box.append(
      el(
        'ul',
        {},
        ...problems.map((p) =>
          el('li', { text: typeof p === 'string' ? p : `${p.field}: ${p.message}` }),
        ),
      ),
    );
  }
  if (logFile) box.append(el('p', {}, 'Log file: ', el('code', { text: logFile })));
  box.hidden = false;
}

function clearMessage() {
  $('message').hidden = true;
  for (const input of document.querySelectorAll('[aria-invalid]'))
    input.removeAttribute('aria-invalid');
  for (const note of document.querySelectorAll('.field-error')) note.remove();
}

const FIELD_INPUTS = {
  event: 'event-name',
  name: 'event-name',
  environment: 'environment',
  srtPassphrase: 'srt-passphrase',
};

// Points the operator at the exact input a 400 named.
function markFields(problems) {
  let first = null;
  for (const problem of problems || []) {
    const id = problem.field.startsWith('youtubeKeys.')
      ? `key-${problem.field.slice('youtubeKeys.'.length)}`
      : FIELD_INPUTS[problem.field];
    const input = id && $(id);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    const note = el('p', { class: 'field-error', id: `${id}-error`, text: problem.message });
    input.setAttribute('aria-describedby', `${id}-error`);
    input.after(note);
    first = first || input;
  }
  if (first) first.focus();
}

// ------------------------------------------------------------------ event form

async function loadCatalog() {
  const { status, body } = await api('GET', '/api/events');
  if (status !== 200) return false;
  state.catalog = body;
  const select = $('environment');
  select.replaceChildren(...body.environments.map((e) => el('option', { value: e, text: e })));
  $('event-options').replaceChildren(
    ...body.events.map((e) =>
      el('option', { value: e.name, text: `${e.slug} (${e.environment})` }),
    ),
  );
  if (!$('event-name').value && body.events.length > 0) $('event-name').value = body.events[0].name;
  await resolveEvent();
  return true;
}

let resolveTimer = null;
function scheduleResolve() {
  clearTimeout(resolveTimer);
  resolveTimer = setTimeout(resolveEvent, 250);
}

async function resolveEvent() {
  const name = $('event-name').value.trim();
  if (!name) {
    state.resolved = null;
    renderKeyFields([]);
    return;
  }
  const query = new URLSearchParams({ name });
  if (state.envTouched) query.set('environment', $('environment').value);
  const { status, body } = await api('GET', `/api/events/resolve?${query}`);
  if (name !== $('event-name').value.trim()) return; // the operator typed on meanwhile
  if (status !== 200) {
    state.resolved = null;
    renderKeyFields([]);
    $('keys-help').textContent = body.error ? body.error.message : 'Unknown event';
    return;
  }
  state.resolved = body;
  if (!state.envTouched) $('environment').value = body.environment;
  $('keys-help').textContent =
    `One key per language of ${body.slug} (${body.languages.length}). Keys are sent once to the engine and never shown again.`;
  renderKeyFields(body.languages);
}

function renderKeyFields(languages) {
  const same =
    languages.length === state.languages.length &&
    languages.every((l, i) => l === state.languages[i]);
  if (same) return; // keep what the operator has typed
  state.languages = languages;
  $('key-fields').replaceChildren(
    ...languages.map((language) =>
      el(
        'div',
        { class: 'field' },
        el('label', { for: `key-${language}`, text: `Key for ${language}` }),
        el('input', {
          id: `key-${language}`,
          type: 'password',
          autocomplete: 'new-password',
          spellcheck: 'false',
          'data-language': language,
          required: true,
        }),
      ),
    ),
  );
}

function clearSecrets() {
  for (const input of document.querySelectorAll('#key-fields input, #srt-passphrase'))
    input.value = '';
}

async function deploy() {
  clearMessage();
  const event = $('event-name').value.trim();
  const youtubeKeys = {};
  const missing = [];
  for (const input of document.querySelectorAll('#key-fields input')) {
    if (input.value.trim() === '')
      missing.push({ field: `youtubeKeys.${input.dataset.language}`, message: 'is required' });
    youtubeKeys[input.dataset.language] = input.value.trim();
  }
  if (!event) missing.unshift({ field: 'event', message: 'is required' });
  if (missing.length > 0) {
    showMessage('error', 'Fill in every field before deploying.', { problems: missing });
    markFields(missing);
    return;
  }
  const body = { event, environment: $('environment').value, youtubeKeys };
  const passphrase = $('srt-passphrase').value;
  if (passphrase) body.srtPassphrase = passphrase;
  setBusy(true);
  const response = await api('POST', '/api/deploy', body);
  // Write-only: whatever the answer, the keys leave the page now.
  clearSecrets();
  setBusy(false);
  handleStart(response, 'Deploy');
}

function handleStart({ status, body }, what) {
  if (status === 202) {
    showMessage('info', `${what} started (run ${body.run.id}).`, { logFile: body.run.logFile });
    watchRun(body.run);
    return;
  }
  const error = body.error || { message: `${what} failed (HTTP ${status})` };
  if (status === 409 && error.run) watchRun(error.run);
  showMessage('error', error.message, { problems: error.problems, hint: error.hint });
  markFields(error.problems);
}

function setBusy(busy) {
  for (const id of ['deploy-btn', 'teardown-btn']) $(id).disabled = busy;
}

// ------------------------------------------------------------------ teardown dialog

function openTeardown() {
  clearMessage();
  const event = $('event-name').value.trim();
  if (!event || !state.resolved) {
    showMessage('error', 'Choose the event to tear down first.', {
      problems: [{ field: 'event', message: 'is required' }],
    });
    markFields([{ field: 'event', message: 'is required' }]);
    return;
  }
  $('teardown-event').textContent = state.resolved.name;
  $('teardown-slug').textContent = state.resolved.slug;
  $('teardown-env').textContent = $('environment').value;
  $('teardown-confirm').value = '';
  $('teardown-go').disabled = true;
  $('teardown-dialog').showModal();
  $('teardown-confirm').focus();
}

async function teardown() {
  const confirm = $('teardown-confirm').value.trim();
  $('teardown-dialog').close();
  const body = { event: state.resolved.slug, environment: $('environment').value, confirm };
  setBusy(true);
  const response = await api('POST', '/api/teardown', body);
  setBusy(false);
  handleStart(response, 'Teardown');
}

// ------------------------------------------------------------------ run stream

// EventSource cannot send the token header, so the stream is read with fetch; reconnects
// send Last-Event-ID so the server replays only what this page missed.
async function readStream(path, lastId, onEvent, signal) {
  const headers = { [TOKEN_HEADER]: state.token, Accept: 'text/event-stream' };
  if (lastId !== null && lastId !== undefined) headers['Last-Event-ID'] = String(lastId);
  const response = await fetch(path, { headers, signal, cache: 'no-store', credentials: 'omit' });
  if (!response.ok || !response.body) {
    const data = await response.json().catch(() => ({}));
    const error = new Error((data.error && data.error.message) || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message = { id: null, event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) message.id = line.slice(4);
        else if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: ')) message.data += line.slice(6);
      }
      if (message.data) onEvent(message.event, JSON.parse(message.data), message.id);
    }
  }
}

function watchRun(run) {
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
  follow(watch, 0);
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

function timeOf(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

function renderEvent(event) {
  const at = timeOf(event.at);
  switch (event.type) {
    case 'run-started':
      setConnection('Connected');
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

function renderDone(result) {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
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
    logLine('error', `✗ ${result.command} failed: ${error.message}`);
    const holder = error.holder
      ? [
          `In progress elsewhere: ${error.holder.command} by ${error.holder.user}@${error.holder.host} since ${localTime(error.holder.startedAt)}`,
        ]
      : [];
    showMessage(
      'error',
      `${result.command} failed: ${error.message}`,
      {
        hint: error.hint,
        problems: [...holder, ...(error.problems || [])],
        logFile: result.logFile,
      },
      'run-result',
    );
    if (result.remaining && result.remaining.length > 0) {
      logLine('warn', `Resources still in place: ${result.remaining.join(', ')}`);
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
  box.replaceChildren(el('h3', { text: `${result.event} is live` }), list);
  if (result.teardownCommand)
    box.append(
      el('p', { class: 'help' }, 'From a terminal: ', el('code', { text: result.teardownCommand })),
    );
  box.hidden = false;
}

// ------------------------------------------------------------------ status panel

async function refreshStatus() {
  $('status-updated').textContent = 'Checking…';
  const { status, body } = await api('GET', '/api/status');
  const panel = $('status-panel');
  if (status !== 200) {
    panel.replaceChildren(
      el('p', { text: (body.error && body.error.message) || `Status failed (HTTP ${status})` }),
    );
    $('status-updated').textContent = '';
    return;
  }
  $('status-updated').textContent = `Checked ${new Date().toLocaleTimeString()}`;
  if (body.error) {
    panel.replaceChildren(
      el(
        'p',
        {},
        `Listing events failed: ${body.error.message} `,
        body.error.logFile ? el('code', { text: `(log: ${body.error.logFile})` }) : null,
      ),
    );
    return;
  }
  if (body.events.length === 0) {
    panel.replaceChildren(el('p', { text: 'No live events.' }));
    return;
  }
  panel.replaceChildren(...body.events.map(eventCard));
}

function healthBadge(health) {
  if (!health) return el('span', { class: 'badge warn', text: 'unknown' });
  const all = health.ready === health.total && health.total > 0;
  return el('span', {
    class: `badge ${all ? 'ok' : 'bad'}`,
    text: `${health.ready}/${health.total} ready`,
  });
}

function eventCard(event) {
  const rows = el('dl');
  const add = (label, value) => {
    if (value === undefined || value === null || value === '') return;
    rows.append(el('dt', { text: label }), el('dd', {}, value));
  };
  add('Environment', event.environment);
  add('Age', event.ageMs !== undefined ? duration(event.ageMs) : undefined);
  if (event.expiresAt) {
    const left = new Date(event.expiresAt).getTime() - Date.now();
    add(
      'Expires',
      `${localTime(event.expiresAt)} (${event.expired || left < 0 ? 'expired' : `in ${duration(left)}`})`,
    );
  }
  add('Health', healthBadge(event.health));
  add(
    'Program ingest',
    event.ingest.program
      ? copyable(event.ingest.program, `program ingest URL of ${event.event}`)
      : undefined,
  );
  add(
    'Slides ingest',
    event.ingest.slides
      ? copyable(event.ingest.slides, `slides ingest URL of ${event.event}`)
      : undefined,
  );
  if (event.rdp.length > 0) {
    add(
      'RDP',
      el(
        'ul',
        {},
        ...event.rdp.map((r) =>
          el(
            'li',
            {},
            `${r.language}: `,
            copyable(r.target, `RDP target for ${r.language} of ${event.event}`),
          ),
        ),
      ),
    );
  }
  if (event.busy)
    add('In progress', `${event.busy.command} by ${event.busy.user}@${event.busy.host}`);
  for (const problem of event.problems) add('Problem', problem);
  return el(
    'article',
    { class: 'event-card', 'aria-label': event.event },
    el(
      'h3',
      {},
      `${event.event} `,
      event.expired ? el('span', { class: 'badge bad', text: 'expired' }) : null,
    ),
    rows,
  );
}

// ------------------------------------------------------------------ live feed

// Runs started by another operator (or another tab) appear here without polling.
async function followFeed(failures) {
  try {
    await readStream('/api/feed', null, (type, summary) => {
      if (type === 'run-started' && (!state.watching || state.watching.done)) watchRun(summary);
      if (type === 'run-finished') refreshStatus();
    });
    failures = 0;
  } catch (error) {
    if (error.status === 401) return;
    failures += 1;
  }
  setTimeout(() => followFeed(failures), Math.min(1000 * 2 ** failures, 15000));
}

async function attachToLatestRun() {
  const { status, body } = await api('GET', '/api/runs');
  if (status !== 200 || body.runs.length === 0) return;
  const active = body.runs.find((r) => !r.finished);
  watchRun(active || body.runs[0]);
}

// ------------------------------------------------------------------ start

async function start() {
  state.token = takeToken();
  if (!state.token) return showTokenGate();
  const ok = await loadCatalog();
  if (!ok) return;
  $('token-gate').hidden = true;
  $('app').hidden = false;
  setConnection('Connected');
  attachToLatestRun();
  refreshStatus();
  followFeed(0);
}

function wire() {
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('token-input').value.trim();
    $('token-input').value = '';
    if (!value) return;
    sessionStorage.setItem(TOKEN_KEY, value);
    start();
  });
  $('event-form').addEventListener('submit', (e) => {
    e.preventDefault();
    deploy();
  });
  $('event-name').addEventListener('input', scheduleResolve);
  $('environment').addEventListener('change', () => {
    state.envTouched = true;
    resolveEvent();
  });
  $('status-btn').addEventListener('click', refreshStatus);
  $('teardown-btn').addEventListener('click', openTeardown);
  $('teardown-confirm').addEventListener('input', () => {
    const typed = $('teardown-confirm').value.trim();
    $('teardown-go').disabled =
      !state.resolved || (typed !== state.resolved.slug && typed !== state.resolved.name);
  });
  $('teardown-form').addEventListener('submit', (e) => {
    e.preventDefault();
    teardown();
  });
  $('teardown-cancel').addEventListener('click', () => $('teardown-dialog').close());
}

wire();
start();
