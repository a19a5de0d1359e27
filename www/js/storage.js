// The working scenario in local storage: it survives reloads and crashes; two tabs never silently
// overwrite each other; a corrupted copy is kept aside, never replaced without a word.
import { state, history, scenarioText } from './state.js';
import { $ } from './dom.js';
import { t } from './words.js';

export const STORE_KEY = 'ygt.working.v1';
export const RECOVERED_KEY = 'ygt.recovered';
// A tab's separate copy not written for this long is removed at start (its tab is long gone).
const TAB_COPY_DAYS = 14;

// This tab's identity survives a reload (sessionStorage is per tab), so a reload finds the tab's own copy.
export const TAB_ID = (() => {
  try {
    const known = sessionStorage.getItem('ygt.tab');
    if (known) return known;
    const fresh = Math.random().toString(36).slice(2);
    sessionStorage.setItem('ygt.tab', fresh);
    return fresh;
  } catch {
    return Math.random().toString(36).slice(2);
  }
})();
export const TAB_KEY = `${STORE_KEY}.tab-${TAB_ID}`;

// The stored working copy under `key`: null when there is none; { corrupted } when what is there cannot be
// read (it is then kept under RECOVERED_KEY, never silently overwritten).
export function readStore(key = STORE_KEY) {
  let raw = null;
  try { raw = localStorage.getItem(key); } catch { return null; }
  if (raw === null) return null;
  try {
    const entry = JSON.parse(raw);
    if (entry && typeof entry.text === 'string') return entry;
  } catch { /* corrupted: kept below */ }
  keepRecovered(raw);
  return { corrupted: true };
}

export function keepRecovered(text) {
  try { localStorage.setItem(RECOVERED_KEY, text); } catch { /* nothing more to keep it in */ }
}

// Removes other tabs' copies not written for TAB_COPY_DAYS.
export function forgetOldTabCopies() {
  try {
    const now = Date.now();
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(`${STORE_KEY}.tab-`) || key === TAB_KEY) continue;
      const entry = readStore(key);
      const at = entry && typeof entry.at === 'number' ? entry.at : 0;
      if (now - at > TAB_COPY_DAYS * 86400000) localStorage.removeItem(key);
    }
  } catch { /* storage unavailable: nothing to clean */ }
}

export function autosave() {
  try {
    const key = state.sharedWithAnotherTab ? TAB_KEY : STORE_KEY;
    localStorage.setItem(key, JSON.stringify({ text: scenarioText(), savedText: state.savedText, tab: TAB_ID, at: Date.now() }));
    state.storageProblem = false;
  } catch {
    state.storageProblem = true;
  }
  renderSaveState();
}

export function isDirty() {
  return state.sandbox !== null && state.savedText !== scenarioText();
}

export function renderSaveState() {
  const label = $('save-state');
  const dirty = isDirty();
  label.textContent = state.storageProblem ? t('autosave_failed') : dirty ? t('unsaved') : t('saved');
  label.className = 'state' + (state.storageProblem || dirty ? ' unsaved' : '');
  label.title = state.sharedWithAnotherTab ? t('other_tab') : '';
  $('undo').disabled = history.undo.length === 0;
  $('redo').disabled = history.redo.length === 0;
}
