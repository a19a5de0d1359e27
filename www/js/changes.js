// Changes to the scenario: coalesced, judged by the core one by one (with their consequences, such as
// a split's balancing share), never losing what the user had; undo and redo.
import { state, history, pending, scenarioText } from './state.js';
import { t } from './words.js';
import { showDiagnostics } from './diagnostics.js';
import { autosave, isDirty } from './storage.js';
import { renderAll } from './render.js';

// Records the text a successful change replaced, so it can be undone.
function remember(previous) {
  if (previous === null || previous === scenarioText()) return;
  history.undo.push(previous);
  if (history.undo.length > 200) history.undo.shift();
  history.redo.length = 0;
}

// Steps back (from = undo) or forward (from = redo).
export function travel(from, to) {
  if (from.length === 0) return;
  const current = scenarioText();
  const outcome = JSON.parse(state.sandbox.load(from.pop()));
  if (outcome.ok) {
    to.push(current);
    state.refused.clear();
    showDiagnostics(outcome.diagnostics);
    autosave();
    renderAll();
  }
}

export const undo = () => travel(history.undo, history.redo);
export const redo = () => travel(history.redo, history.undo);

// Sets `path` to `value` (text as typed, or TOML) at the end of the task, with any other changes made in
// the same task; resolves with the core's outcome once the page is drawn again. `typed` is what the
// user typed, kept in its fields if the change is refused: the value's text, or the boxes' texts of a
// list (a value per year, a range's two ends).
export function requestSet(path, value, typed = String(value)) {
  if (pending.changes.size === 0) pending.requestedAt = performance.now();
  pending.changes.set(path, { value: String(value), typed });
  return new Promise((resolve) => {
    pending.waiters.push(resolve);
    // Chrome delivers slider input once per frame, so a drag redraws at most once a frame and never
    // queues work behind itself.
    if (!pending.scheduled) {
      pending.scheduled = true;
      queueMicrotask(flush);
    }
  });
}

function flush() {
  pending.scheduled = false;
  performance.measure('ygt-wait', { start: pending.requestedAt });
  const changes = [...pending.changes.entries()];
  pending.changes = new Map();
  const started = performance.now();
  const previous = scenarioText();
  const outcome = JSON.parse(state.sandbox.set_many(JSON.stringify(changes.map(([path, change]) => [path, change.value]))));
  performance.measure('ygt-core', { start: started });
  // Each change is kept or refused on its own: a refused one keeps what the user typed in its field.
  const refusedNow = new Set(outcome.refused || []);
  for (const [path, change] of changes) {
    if (refusedNow.has(path)) state.refused.set(path, change.typed);
    else state.refused.delete(path);
  }
  if (refusedNow.size < changes.length) {
    remember(previous);
    autosave();
  }
  const rendering = performance.now();
  renderAll();
  performance.measure('ygt-render', { start: rendering });
  // After the redraw: the charts are measured while the page's layout is clean.
  showDiagnostics(outcome.diagnostics);
  const done = pending.waiters;
  pending.waiters = [];
  done.forEach((resolve) => resolve(outcome));
}

// A structural change (add or remove a community or an institution, reset): `change` calls the core.
export function structural(change) {
  const previous = scenarioText();
  const outcome = JSON.parse(change());
  showDiagnostics(outcome.diagnostics);
  if (outcome.ok) {
    // Refused text is kept by path; entries moved, so the paths no longer name the same fields.
    state.refused.clear();
    remember(previous);
    autosave();
  }
  renderAll();
}

// Opens scenario text in place of the current one (asking first over unsaved work); a refused text
// changes nothing. Returns the core's outcome, or null when the user declined.
export function openText(text, { askFirst = true, fromFile = true } = {}) {
  if (askFirst && isDirty() && !window.confirm(t('confirm_replace'))) return null;
  const previous = scenarioText();
  const outcome = JSON.parse(state.sandbox.load(text));
  showDiagnostics(outcome.diagnostics);
  if (outcome.ok) {
    remember(previous);
    state.savedText = fromFile ? scenarioText() : null;
    state.refused.clear();
    autosave();
    renderAll();
  }
  return outcome;
}
