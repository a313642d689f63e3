// The status panel: every live event with what the crew needs at the venue.
import { api } from './api.js';
import { $, copyable, duration, el, localTime } from './dom.js';

export async function refreshStatus() {
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
