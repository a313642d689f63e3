/* global document, setTimeout, clearTimeout, URLSearchParams */
// The event form: events and their languages, one key field per language, what a deploy
// would cost and take, deploy and teardown.
import { state } from './state.js';
import { api } from './api.js';
import {
  $,
  clearFieldErrors,
  clearMessage,
  duration,
  el,
  markFields,
  showMessage,
  showProblems,
} from './dom.js';
import { watchRun } from './run-view.js';

export async function loadCatalog() {
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

export function scheduleResolve() {
  clearTimeout(resolveTimer);
  resolveTimer = setTimeout(resolveEvent, 250);
}

const KEYS_HELP = $('keys-help').textContent.trim();

export async function resolveEvent() {
  const name = $('event-name').value.trim();
  clearFieldErrors('event-name');
  clearFieldErrors('environment');
  state.resolveProblems = null;
  if (!name) {
    state.resolved = null;
    renderKeyFields([]);
    $('keys-help').textContent = 'Type or pick an event to see its languages.';
    showPreview(null);
    return;
  }
  const query = new URLSearchParams({ name });
  if (state.envTouched) query.set('environment', $('environment').value);
  const { status, body } = await api('GET', `/api/events/resolve?${query}`);
  if (name !== $('event-name').value.trim()) return; // the operator typed on meanwhile
  if (status !== 200) {
    state.resolved = null;
    // The problem is said once, under the field it is about; the key fields stay as typed.
    const problems = (body.error && body.error.problems) || [
      { field: 'name', message: (body.error && body.error.message) || 'Unknown event' },
    ];
    state.resolveProblems = problems;
    markFields(problems, { focus: false });
    $('keys-help').textContent = 'Fix the event name above to see its languages.';
    showPreview(null);
    return;
  }
  state.resolved = body;
  if (!state.envTouched) $('environment').value = body.environment;
  $('keys-help').textContent = KEYS_HELP.replace(
    'One key per language.',
    `One key per language: ${body.languages.length} for ${body.slug}.`,
  );
  renderKeyFields(body.languages, body.audio);
  loadPreview(body);
}

function renderKeyFields(languages, audio) {
  const same =
    languages.length === state.languages.length &&
    languages.every((l, i) => l === state.languages[i]);
  if (!same) {
    // Keep what the operator has typed for languages the new event also has.
    const typed = {};
    for (const input of document.querySelectorAll('#key-fields input'))
      typed[input.dataset.language] = input.value;
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
          // Where this channel's audio comes from, so a wrong mapping is seen before deploying.
          el('p', { class: 'help audio-source', id: `audio-${language}`, hidden: true }),
        ),
      ),
    );
    for (const input of document.querySelectorAll('#key-fields input'))
      if (typed[input.dataset.language]) input.value = typed[input.dataset.language];
  }
  languages.forEach((language, i) => {
    const note = $(`audio-${language}`);
    const source = audio && audio[i];
    note.hidden = !source;
    note.textContent = source ? `Audio from the program feed: ${source}` : '';
    const input = $(`key-${language}`);
    input.dataset.help = source ? note.id : '';
    if (!input.getAttribute('aria-invalid')) {
      if (source) input.setAttribute('aria-describedby', note.id);
      else input.removeAttribute('aria-describedby');
    }
  });
}

let previewFor = null;

// Cost and time to stream-ready come from the engine's plan, as `stream-control plan` prints
// them.
async function loadPreview(resolved) {
  const key = `${resolved.slug}/${resolved.environment}`;
  previewFor = key;
  showPreview(resolved, { loading: true });
  const query = new URLSearchParams({ name: resolved.slug, environment: resolved.environment });
  const { status, body } = await api('GET', `/api/events/plan?${query}`);
  if (previewFor !== key) return;
  if (status !== 200) {
    showPreview(resolved, {
      failed: (body.error && body.error.message) || `the plan failed (HTTP ${status})`,
    });
    return;
  }
  showPreview(resolved, { plan: body });
}

function money(n) {
  return `$${n.toFixed(2)}`;
}

// The other mixer kind on one line, so the choice is made before Deploy (help/mixers.md).
function alternativeText({ mixer, alternative: alt }) {
  const instead = `${alt.mixer} mixers instead of ${mixer}`;
  if (alt.unavailable) return `${instead}: not available (${alt.unavailable})`;
  return `${instead}: ${money(alt.costPerHour)} per hour, about ${duration(alt.timeToReadySeconds * 1000)} to stream-ready`;
}

function showPreview(resolved, { plan, loading, failed } = {}) {
  const box = $('preview');
  if (!resolved) {
    previewFor = null;
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const facts = $('preview-facts');
  const add = (label, value) => facts.append(el('dt', { text: label }), el('dd', {}, value));
  facts.replaceChildren();
  if (loading) add('Cost and time', 'planning…');
  else if (failed) add('Cost and time', `not available: ${failed}`);
  else {
    add(
      'Cost',
      el(
        'span',
        {},
        el('strong', { text: `${money(plan.cost.perHour)} per hour` }),
        `, at most ${money(plan.cost.perEvent)} until it expires (${resolved.ttlHours} h)`,
      ),
    );
    add(
      'Stream-ready',
      el(
        'span',
        {},
        el('strong', { text: `about ${duration(plan.timeToReadySeconds * 1000)}` }),
        ' after Deploy',
      ),
    );
    add('Creates', `${plan.resourceCount} resources in ${plan.environment}`);
    if (plan.alternative) add('Alternative', alternativeText(plan));
  }
  $('preview-note').textContent = plan
    ? [
        `${plan.cost.currency} list prices for ${plan.cost.region} as of ${plan.cost.priceDate}; the same estimate as ./stream-control plan --event ${plan.event} --env ${plan.environment}.`,
        plan.protection,
      ]
        .filter(Boolean)
        .join(' ')
    : '';
}

function clearSecrets() {
  for (const input of document.querySelectorAll('#key-fields input, #srt-passphrase'))
    input.value = '';
}

export async function deploy() {
  clearMessage();
  const event = $('event-name').value.trim();
  const youtubeKeys = {};
  const missing = [];
  if (!event) missing.push({ field: 'event', message: 'Required: the event to deploy.' });
  else if (!state.resolved && state.resolveProblems) {
    // Its languages are unknown until the name is fixed: the name is the one problem.
    showProblems('Not deployed.', state.resolveProblems);
    return;
  }
  for (const input of document.querySelectorAll('#key-fields input')) {
    if (input.value.trim() === '')
      missing.push({
        field: `youtubeKeys.${input.dataset.language}`,
        message: `Required: paste the YouTube stream key of the ${input.dataset.language} channel.`,
      });
    youtubeKeys[input.dataset.language] = input.value.trim();
  }
  if (missing.length > 0) {
    showProblems('Not deployed.', missing);
    return;
  }
  const body = { event, environment: $('environment').value, youtubeKeys };
  const passphrase = $('srt-passphrase').value;
  if (passphrase) body.srtPassphrase = passphrase;
  setBusy(true);
  const response = await api('POST', '/api/deploy', body);
  setBusy(false);
  // Write-only: once the engine has them, the keys leave the page. A refused request keeps
  // them, so one typo does not mean typing every key again.
  if (response.status === 202) clearSecrets();
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
  if (error.problems && error.problems.length > 0) {
    showProblems(
      `${what === 'Deploy' ? 'Not deployed' : 'Not torn down'}.`,
      error.problems,
      error.hint,
    );
  } else {
    showMessage('error', error.message, { hint: error.hint });
  }
}

function setBusy(busy) {
  for (const id of ['deploy-btn', 'teardown-btn']) $(id).disabled = busy;
}

export function openTeardown() {
  clearMessage();
  const event = $('event-name').value.trim();
  if (!event || !state.resolved) {
    showProblems('Nothing to tear down yet.', [
      { field: 'event', message: 'Choose the event to tear down.' },
    ]);
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

// From a live event's card: the form names that event, so the dialog and the request agree.
export async function openTeardownFor(event, environment) {
  $('event-name').value = event;
  $('environment').value = environment;
  state.envTouched = true;
  await resolveEvent();
  openTeardown();
}

export async function teardown() {
  const confirm = $('teardown-confirm').value.trim();
  $('teardown-dialog').close();
  const body = { event: state.resolved.slug, environment: $('environment').value, confirm };
  setBusy(true);
  const response = await api('POST', '/api/teardown', body);
  setBusy(false);
  handleStart(response, 'Teardown');
}
