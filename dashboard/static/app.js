/* global sessionStorage */
// The dashboard page: plain ES modules, no build step.
import { state, TOKEN_KEY } from './state.js';
import { takeToken } from './api.js';
import { $, setConnection, showTokenGate } from './dom.js';
import {
  deploy,
  loadCatalog,
  openTeardown,
  resolveEvent,
  scheduleResolve,
  teardown,
} from './form.js';
import { attachToLatestRun, cancelRun, followFeed, openCancel } from './run-view.js';
import { refreshStatus } from './status-view.js';

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
  $('cancel-btn').addEventListener('click', openCancel);
  $('cancel-form').addEventListener('submit', (e) => {
    e.preventDefault();
    cancelRun();
  });
  $('cancel-keep').addEventListener('click', () => $('cancel-dialog').close());
}

wire();
start();
