// Files and links: opening a scenario file, saving it, share links, and choosing what the page opens
// with (the tab's own copy, a link, the stored working copy, or the default scenario).
import { state, scenarioText } from './state.js';
import { tools } from './tools.js';
import { fileBase } from './exports.js';
import { $, download } from './dom.js';
import { t, message } from './words.js';
import { showDiagnostics } from './diagnostics.js';
import { openText } from './changes.js';
import { autosave, readStore, forgetOldTabCopies, TAB_KEY } from './storage.js';
import { Sandbox, decode_share, shipped_scenario, file_limits } from '../pkg/ygt.js';

export const DEFAULT_SCENARIO = 'henan-county.toml';

// The scenario text of a file's bytes, or the key of the words saying why not.
function decodeFileBytes(buffer, name) {
  const bytes = new Uint8Array(buffer);
  const workbook = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  if (workbook || /\.(xlsx|xls|ods|csv)$/i.test(name)) return { problem: 'is_spreadsheet' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: 'utf16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'not_utf8' };
  }
}

// Whether `file` is within `limit` (a key of the core's file limits); says why not.
export function withinLimit(file, limit) {
  const most = JSON.parse(file_limits())[limit];
  if (file.size <= most) return true;
  showDiagnostics([{ severity: 'error', path: file.name, value: `${file.size}`,
    message_zh: `文件有 ${file.size} 字节,超过上限 ${most} 字节,未读取`, message_en: `the file has ${file.size} bytes, more than the limit of ${most}; it was not read` }]);
  return false;
}

export async function openFile(file) {
  if (!withinLimit(file, 'scenario')) return;
  const decoded = decodeFileBytes(await file.arrayBuffer(), file.name);
  if (decoded.problem) {
    showDiagnostics([message(decoded.problem, 'error', file.name)]);
    return;
  }
  openText(decoded.text);
}

export function saveFile() {
  const text = scenarioText();
  const name = `${fileBase()}.toml`;
  download(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  state.savedText = text;
  autosave();
}

// The link that opens the current scenario.
export const shareUrl = () => `${location.origin}${location.pathname}#${state.sandbox.share_fragment()}`;

export function shareLink() {
  const url = shareUrl();
  $('share-link').value = url;
  $('share-box').hidden = false;
  $('share-link').select();
  navigator.clipboard?.writeText(url).then(() => {}, () => {});
  showQr(url, $('share-qr'), $('share-qr-note'));
  return url;
}

// The link as a QR code for the room's phones (drawn offline by the tools module) in `image`, and in
// `note` what to do with it or why there is none.
export async function showQr(url, image, note) {
  const answer = JSON.parse((await tools()).share_qr(url));
  image.hidden = !answer.ok;
  if (answer.ok) image.src = `data:image/svg+xml;base64,${btoa(answer.svg)}`;
  // A link to this machine (127.0.0.1, localhost) cannot open on a phone: said outright.
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(location.hostname);
  note.textContent = !answer.ok ? (state.lang === 'zh' ? answer.message_zh : answer.message_en) : local ? t('qr_local') : t('qr_note');
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

// A link pasted into the address bar of the open page: checked first, then opened over the current
// work (asking first when it is unsaved); a refused link changes nothing and says why.
export function openLinkFromHash() {
  if (!location.hash.startsWith('#s')) return;
  const decoded = JSON.parse(decode_share(location.hash));
  const problems = decoded.ok ? refusal(decoded.text) : decoded.diagnostics;
  if (problems) {
    showDiagnostics(problems);
    return;
  }
  const outcome = openText(decoded.text, { fromFile: false });
  if (outcome?.ok) history.replaceState(null, '', location.pathname + location.search);
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
