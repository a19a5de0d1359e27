// The page's state: the one module with mutable state. Other modules read and change it through the
// objects exported here, so what the page holds is in one place.

const LANG_KEY = 'ygt.lang';

function storedLang() {
  try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; }
}

export const state = {
  // The core: the Sandbox (one scenario and its results) and the wasm module (for its memory figure).
  sandbox: null,
  wasm: null,
  tools: null,           // the tools module (spreadsheets, analyses), once asked for (a promise)
  analysisWorker: null,  // the worker that computes the waterfall, once asked for
  // What the page shows, as the core built it (report::view), and how it was asked for.
  view: null,
  lang: storedLang(),
  mode: 'reform',        // the levers edited: 'reform', or today's ('levers', the file's section)
  wan: false,            // money in 万元
  ledgerYear: null,
  countyOpen: false,     // the 县情 tab
  // Work: the text last saved to a file, the diagnostics shown, what the user typed that was refused.
  savedText: null,
  diagnostics: [],
  refused: new Map(),    // path -> the text typed (kept in its field, never lost)
  storageProblem: false,
  sharedWithAnotherTab: false,
  // The Monte Carlo: its workers while it runs, the last summary and the scenario text it was for.
  monteCarlo: { workers: [], running: false, cancel: null, summary: null, forText: null },
};

// Undo and redo: the scenario text before each change (at most 200 steps).
export const history = { undo: [], redo: [] };

// Changes waiting for the end of the task (coalesced into one core call).
export const pending = { changes: new Map(), waiters: [], scheduled: false, requestedAt: 0 };

export function setLang(lang) {
  state.lang = lang;
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* the choice lasts this visit */ }
}

// The scenario's text as the core last gave it: asked for again only when the core's generation moved
// (serialising the scenario on every redraw cost a millisecond or more per lever move).
const textCache = { sandbox: null, generation: -1, text: '' };

export function scenarioText() {
  const sandbox = state.sandbox;
  const generation = sandbox.generation();
  if (textCache.sandbox !== sandbox || textCache.generation !== generation) {
    textCache.sandbox = sandbox;
    textCache.generation = generation;
    textCache.text = sandbox.scenario();
  }
  return textCache.text;
}
