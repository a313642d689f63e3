/* global document, window, setTimeout */
// Small DOM helpers. Every element is made with textContent, never innerHTML, so nothing the
// engine or terraform prints can become markup.

export const $ = (id) => document.getElementById(id);

export function setConnection(text) {
  $('connection').textContent = text;
}

export function showTokenGate(reason) {
  $('app').hidden = true;
  $('token-gate').hidden = false;
  setConnection(reason || 'Token needed');
  $('token-input').focus();
}

export function el(tag, attrs, ...children) {
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
export function copyable(text, what) {
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

export function duration(ms) {
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function timeOf(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString();
}

export function showMessage(kind, title, details, target = 'message') {
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

export function clearMessage() {
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
export function markFields(problems) {
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
