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
          el('li', { text: typeof p === 'string' ? p : `${fieldLabel(p.field)}: ${p.message}` }),
        ),
      ),
    );
  }
  if (logFile) box.append(el('p', {}, 'Log file: ', el('code', { text: logFile })));
  box.hidden = false;
}

export function clearMessage() {
  $('message').hidden = true;
  clearFieldErrors();
}

export function clearFieldErrors(only) {
  for (const note of document.querySelectorAll('.field-error')) {
    if (only && note.id !== `${only}-error`) continue;
    const input = $(note.id.replace(/-error$/, ''));
    if (input) {
      input.removeAttribute('aria-invalid');
      const help = input.dataset.help;
      if (help) input.setAttribute('aria-describedby', help);
      else input.removeAttribute('aria-describedby');
    }
    note.remove();
  }
}

const FIELD_INPUTS = {
  event: 'event-name',
  name: 'event-name',
  environment: 'environment',
  srtPassphrase: 'srt-passphrase',
};

function inputFor(field) {
  const id = field.startsWith('youtubeKeys.')
    ? `key-${field.slice('youtubeKeys.'.length)}`
    : FIELD_INPUTS[field];
  return id ? $(id) : null;
}

// What the operator sees on the page, never the API's field path.
export function fieldLabel(field) {
  const input = inputFor(field);
  const label = input && document.querySelector(`label[for="${input.id}"]`);
  if (label) return label.textContent.replace(/\s*\(optional\)\s*$/, '').trim();
  if (field.startsWith('youtubeKeys.')) return `Key for ${field.slice('youtubeKeys.'.length)}`;
  if (field === 'youtubeKeys') return 'YouTube stream keys';
  return field;
}

/**
 * Puts each problem next to the input it names (several for one input share one note), and
 * returns the problems that have no input on the page, for the summary.
 */
export function markFields(problems, { focus = true } = {}) {
  let first = null;
  const unplaced = [];
  for (const problem of problems || []) {
    const input = inputFor(problem.field);
    if (!input) {
      unplaced.push(problem);
      continue;
    }
    const id = `${input.id}-error`;
    const existing = $(id);
    if (existing) {
      if (!existing.textContent.includes(problem.message))
        existing.append(el('span', { class: 'more', text: problem.message }));
      continue;
    }
    if (!input.dataset.help && input.getAttribute('aria-describedby'))
      input.dataset.help = input.getAttribute('aria-describedby');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [id, input.dataset.help].filter(Boolean).join(' '));
    input.after(el('p', { class: 'field-error', id }, el('span', { text: problem.message })));
    first = first || input;
  }
  if (first && focus) first.focus();
  return unplaced;
}

/**
 * A refused request: each problem next to its field, and above the form only a count and
 * what belongs to no field, so nothing is said twice.
 */
export function showProblems(title, problems, hint) {
  const unplaced = markFields(problems);
  const placed = (problems || []).length - unplaced.length;
  const where =
    placed === 0
      ? ''
      : placed === 1
        ? ' Fix the marked field.'
        : ` Fix the ${placed} marked fields.`;
  showMessage('error', `${title}${where}`, { problems: unplaced, hint });
}
