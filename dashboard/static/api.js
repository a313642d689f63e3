/* global sessionStorage, history, location, fetch, TextDecoder */
// Talking to the dashboard server: the token, JSON calls and Server-Sent Event streams.
import { state, TOKEN_HEADER, TOKEN_KEY } from './state.js';
import { showTokenGate } from './dom.js';

// The token arrives in the fragment (never sent to a server, never in access logs) and moves
// to sessionStorage, so it survives a reload but not the tab, and leaves the address bar.
export function takeToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export async function api(method, path, body) {
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

// EventSource cannot send the token header, so the stream is read with fetch; reconnects
// send Last-Event-ID so the server replays only what this page missed.
export async function readStream(path, lastId, onEvent, signal) {
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
