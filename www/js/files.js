// Files and links: opening a scenario file, saving it, share links, and choosing what the page opens
// with (the tab's own copy, a link, the stored working copy, or the default scenario).
import { state } from './state.js';
import { $, download } from './dom.js';
import { t, message } from './words.js';
import { showDiagnostics } from './diagnostics.js';
import { openText } from './changes.js';
import { autosave, readStore, forgetOldTabCopies, TAB_KEY } from './storage.js';
import { Sandbox, decode_share, shipped_scenario } from '../pkg/ygt.js';

export const DEFAULT_SCENARIO = 'henan-county.toml';

function decodeFileBytes(buffer) {
  const bytes = new Uint8Array(buffer);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error(t('utf16'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(t('not_utf8'));
  }
}

export async function openFile(file) {
  try {
    openText(decodeFileBytes(await file.arrayBuffer()));
  } catch (error) {
    showDiagnostics([{ severity: 'error', path: file.name, value: '', message_zh: error.message, message_en: error.message }]);
  }
}

export function saveFile() {
  const text = state.sandbox.scenario();
  const name = (state.view?.title || 'scenario').replace(/[\\/:*?"<>|\s·]+/g, '_').slice(0, 60) + '.toml';
  download(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  state.savedText = text;
  autosave();
}

export function shareLink() {
  const url = `${location.origin}${location.pathname}#${state.sandbox.share_fragment()}`;
  $('share-link').value = url;
  $('share-box').hidden = false;
  $('share-link').select();
  navigator.clipboard?.writeText(url).then(() => {}, () => {});
  return url;
}

// The problems that keep `text` from opening, or null when it opens.
function refusal(text) {
  try {
    new Sandbox(text).free();
    return null;
  } catch (error) {
    try { return JSON.parse(error.message); } catch { return [{ severity: 'error', path: '', value: '', message_zh: String(error.message), message_en: String(error.message) }]; }
  }
}

// What the page opens with: { text, savedText, restored }.
export function startingText() {
  forgetOldTabCopies();
  // This tab's own copy (kept apart after another tab wrote the shared one) comes first after a reload.
  const own = readStore(TAB_KEY);
  if (own && !own.corrupted) state.sharedWithAnotherTab = true;
  let stored = own && !own.corrupted ? own : readStore();
  if (stored && stored.corrupted) {
    showDiagnostics([message('opened_default')]);
    stored = null;
  }
  const hash = location.hash;
  if (hash.startsWith('#s')) {
    // A link is checked before anything is replaced: a refused link leaves the work as it was, says why,
    // and stays in the address bar; only a link that opens is taken out of it.
    const decoded = JSON.parse(decode_share(hash));
    const problems = decoded.ok ? refusal(decoded.text) : decoded.diagnostics;
    if (problems) {
      showDiagnostics(problems);
    } else {
      history.replaceState(null, '', location.pathname + location.search);
      const unsaved = stored && stored.text !== stored.savedText;
      if (!unsaved || window.confirm(t('confirm_replace'))) return { text: decoded.text, savedText: null };
    }
  }
  if (stored && typeof stored.text === 'string') return { text: stored.text, savedText: stored.savedText ?? null, restored: true };
  const text = shipped_scenario(DEFAULT_SCENARIO);
  return { text, savedText: text };
}
