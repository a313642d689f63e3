// The status panel: every live event with what the crew needs at the venue, and a picture of
// its pipeline (venue → relay and splitter → each language's mixer → YouTube) whose parts
// change as the engine's live readings arrive over the feed, without a click.
import { api } from './api.js';
import { $, copyable, duration, el, localTime, timeOf } from './dom.js';
import { openTeardownFor } from './form.js';

/** environment/event → the card's pipeline slot, so live readings land in the right card. */
const slots = new Map();
let lastLive = null;
let refreshing = null;
let lastAutoRefresh = 0;

const keyOf = (e) => `${e.environment}/${e.event}`;

export function refreshStatus() {
  refreshing = refreshing || load().finally(() => (refreshing = null));
  return refreshing;
}

async function load() {
  $('status-updated').textContent = 'Checking…';
  const { status, body } = await api('GET', '/api/status');
  const panel = $('status-panel');
  $('status-updated').textContent = '';
  if (status !== 200) {
    panel.replaceChildren(
      el('p', { text: (body.error && body.error.message) || `Status failed (HTTP ${status})` }),
    );
    return;
  }
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
  slots.clear();
  if (body.events.length === 0) {
    panel.replaceChildren(el('p', { text: 'No live events.' }));
    return;
  }
  panel.replaceChildren(...body.events.map(eventCard));
  $('status-updated').textContent = `Checked ${new Date().toLocaleTimeString()}`;
  if (lastLive) applyLive(lastLive, { refresh: false });
}

/** One round of the engine's live status: every deployed event's parts. */
export function applyLive(snapshot, { refresh = true } = {}) {
  lastLive = snapshot;
  const seen = new Set();
  for (const live of snapshot.events) {
    const key = keyOf(live);
    seen.add(key);
    const slot = slots.get(key);
    if (slot) renderPipeline(slot, live);
  }
  // An event deployed or torn down elsewhere (the CLI, another page): rebuild the cards, at
  // most every few seconds so a flapping state file cannot make the page busy.
  const differs = slots.size !== seen.size || [...seen].some((k) => !slots.has(k));
  const now = Date.now();
  if (refresh && differs && !refreshing && now - lastAutoRefresh > 5000) {
    lastAutoRefresh = now;
    refreshStatus();
  }
  if (snapshot.events.length > 0)
    $('status-updated').textContent = `Live, read ${timeOf(snapshot.at)}`;
}

const WORDS = { ok: 'OK', warn: 'Check', bad: 'Problem', unknown: 'No reading' };

function badge(state) {
  return el('span', { class: `badge ${state}`, text: WORDS[state] || state });
}

function node(part, { title, role, state, summary, extra = [] }) {
  return el(
    'div',
    {
      class: `node state-${state}`,
      'data-part': part,
      'data-state': state,
      role: 'group',
      'aria-label': `${title}: ${WORDS[state]}, ${summary}`,
    },
    el('p', { class: 'node-head' }, el('span', { class: 'node-title', text: title }), badge(state)),
    role ? el('p', { class: 'node-role', text: role }) : null,
    el('p', { class: 'node-summary', text: summary }),
    ...extra,
  );
}

function stage(title, ...children) {
  return el('li', { class: 'stage' }, el('p', { class: 'stage-title', text: title }), ...children);
}

function check(label, value) {
  if (value === undefined || value === null) return null;
  return el('li', { class: value ? 'yes' : 'no', text: `${value ? '✓' : '✗'} ${label}` });
}

function level(audio) {
  const peak = audio.peakDbfs;
  const bar = el('span', { class: `level-bar ${audio.state}` });
  bar.style.width = `${peak === null ? 0 : Math.max(0, Math.min(100, ((peak + 60) / 60) * 100))}%`;
  return el(
    'div',
    { class: 'audio' },
    el('span', { class: 'level', 'aria-hidden': 'true' }, bar),
    el('p', { class: `audio-text ${audio.state}`, text: audio.summary }),
  );
}

function lane(l) {
  const m = l.mixer;
  const checks = el(
    'ul',
    { class: 'checks' },
    check('program in', m.programConnected ?? l.programDelivered),
    check('slides in', m.slidesConnected ?? l.slidesDelivered),
    check('on air', m.onAir),
  );
  const extra = [l.audio ? level(l.audio) : null, checks.childElementCount > 0 ? checks : null];
  if (m.lastError && !m.summary.includes(m.lastError))
    extra.push(el('p', { class: 'node-error', text: `Last error: ${m.lastError}` }));
  return el(
    'li',
    { class: `lane state-${l.state}`, 'data-language': l.language },
    node(`mixer-${l.language}`, {
      title: `Mixer ${l.language}`,
      role: m.kind === 'obs' ? 'OBS on a VM' : 'container',
      state: worstOf(m.state, l.audio ? l.audio.state : 'ok'),
      summary: m.summary,
      extra,
    }),
    el('span', { class: 'arrow', 'aria-hidden': 'true', text: '→' }),
    node(`youtube-${l.language}`, {
      title: `YouTube ${l.language}`,
      state: l.destination.state,
      summary: l.destination.summary,
    }),
  );
}

const RANK = { ok: 0, unknown: 1, warn: 2, bad: 3 };
function worstOf(a, b) {
  return RANK[b] > RANK[a] ? b : a;
}

const drawn = new WeakMap();

// The figure stays in place and is redrawn only when a reading changed, so a screen reader
// or a finger on a copy button is not disturbed every few seconds.
function renderPipeline(slot, live) {
  const { at, ...reading } = live;
  const signature = JSON.stringify(reading);
  let figure = slot.querySelector('figure.pipeline');
  if (!figure) {
    figure = el('figure', { class: 'pipeline', 'aria-label': `Pipeline of ${live.event}` });
    slot.replaceChildren(figure);
  }
  if (drawn.get(figure) !== signature) {
    drawn.set(figure, signature);
    figure.dataset.state = live.state;
    figure.replaceChildren(stagesOf(live), el('figcaption', { class: 'help' }));
  }
  figure.querySelector('figcaption').textContent =
    `Read from each part's own status at ${timeOf(at)}; updates by itself every few seconds.`;
}

function stagesOf(live) {
  return el(
    'ol',
    { class: 'stages' },
    stage('Venue', node('venue', { title: 'Venue', role: 'encoders', ...live.venue })),
    stage(
      'Ingest',
      node('relay', { title: 'Relay', role: 'program + audio', ...live.relay }),
      node('splitter', { title: 'Splitter', role: 'slides', ...live.splitter }),
    ),
    stage(
      'Each language',
      live.languages.length > 0
        ? el('ul', { class: 'lanes' }, ...live.languages.map(lane))
        : el('p', { class: 'help', text: 'No mixer in the event’s outputs yet.' }),
    ),
  );
}

function healthBadge(health) {
  if (!health) return el('span', { class: 'badge unknown', text: 'unknown' });
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
  add('Azure health', healthBadge(event.health));
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
  const slot = el(
    'div',
    { class: 'pipeline-slot' },
    el('p', { class: 'help', text: 'Waiting for the first live reading of each part…' }),
  );
  slots.set(keyOf(event), slot);
  const teardown = el('button', {
    type: 'button',
    class: 'danger small',
    text: 'Tear down…',
    'aria-label': `Tear down ${event.event}`,
  });
  teardown.addEventListener('click', () => openTeardownFor(event.event, event.environment));
  return el(
    'article',
    { class: 'event-card', 'aria-label': event.event },
    el(
      'div',
      { class: 'row spread' },
      el(
        'h3',
        {},
        `${event.event} `,
        event.expired ? el('span', { class: 'badge bad', text: 'expired' }) : null,
      ),
      teardown,
    ),
    slot,
    rows,
  );
}
