/* global document, setTimeout, clearTimeout, URLSearchParams */
// The event form: events and their languages, one key field per language, deploy and teardown.
import { state } from './state.js';
import { api } from './api.js';
import { $, clearMessage, el, markFields, showMessage } from './dom.js';
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

export async function resolveEvent() {
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

export async function deploy() {
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

export function openTeardown() {
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

export async function teardown() {
  const confirm = $('teardown-confirm').value.trim();
  $('teardown-dialog').close();
  const body = { event: state.resolved.slug, environment: $('environment').value, confirm };
  setBusy(true);
  const response = await api('POST', '/api/teardown', body);
  setBusy(false);
  handleStart(response, 'Teardown');
}
