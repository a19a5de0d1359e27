// The page: starts the core, wires the controls and exposes window.ygt (README "Page API").
// Every figure, label and rule comes from the core (crate/src/report/view.rs); the modules in js/
// draw it: state (the one place with mutable state), storage, changes, controls, county, tables,
// charts, files and words.
import init, { Sandbox, shipped_scenarios, shipped_scenario, documents } from './pkg/ygt.js';
import { state, setLang, scenarioText } from './js/state.js';
import { $, el } from './js/dom.js';
import { t, message } from './js/words.js';
import { showDiagnostics } from './js/diagnostics.js';
import { autosave, keepRecovered, STORE_KEY, TAB_ID } from './js/storage.js';
import { requestSet, structural, openText, undo, redo } from './js/changes.js';
import { renderAll, renderTables } from './js/render.js';
import { renderCharts, drawWaitingCharts } from './js/charts.js';
import { copyTable, downloadTableCsv, downloadResultsXlsx } from './js/exports.js';
import { createCounty, downloadTemplate, importSpreadsheet } from './js/county.js';
import { openFile, saveFile, shareLink, startingText, openLinkFromHash, DEFAULT_SCENARIO } from './js/files.js';
import { runUncertainty, cancelUncertainty, warmUncertainty, renderRanges } from './js/uncertainty.js';
import { wireAnalysis, showTornado, showWaterfall, showSeek } from './js/analysis.js';
import { wasmSource } from './js/embedded.js';
import { renderComparePicker, renderCompare, addChosen, addFile } from './js/compare.js';
import { renderWorkshop } from './js/workshop.js';
import { renderReportHead } from './js/report.js';
import { wirePresenter, forPrint, resumePresenter } from './js/presenter.js';

function renderStatic() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  $('lang').textContent = t('lang_button');
  renderComparePicker();
  renderWorkshop();
  $('documents').replaceChildren(...JSON.parse(documents(state.lang)).map((text) => el('li', { text })));
  document.title = t('app_title');
}

function renderShipped() {
  const select = $('shipped');
  select.replaceChildren(el('option', { value: '', text: t('shipped') }),
    ...JSON.parse(shipped_scenarios()).map((s) => el('option', { value: s.file, text: s.title })));
}

function showPane(county) {
  state.countyOpen = county;
  $('county-pane').hidden = !county;
  $('policy-pane').hidden = county;
  $('tab-county').classList.toggle('active', county);
  $('tab-policy').classList.toggle('active', !county);
  renderAll();
}

function wire() {
  $('open').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', () => { if ($('file').files[0]) openFile($('file').files[0]); $('file').value = ''; });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => { event.preventDefault(); const file = event.dataTransfer?.files?.[0]; if (file) openFile(file); });
  $('save').addEventListener('click', saveFile);
  $('share').addEventListener('click', shareLink);
  $('share-close').addEventListener('click', () => { $('share-box').hidden = true; });
  $('reset').addEventListener('click', () => structural(() => state.sandbox.reset_reform()));
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  window.addEventListener('keydown', (event) => {
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName) && document.activeElement.type !== 'range';
    if (!(event.ctrlKey || event.metaKey) || typing) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) { event.preventDefault(); undo(); }
    if (key === 'y' || (key === 'z' && event.shiftKey)) { event.preventDefault(); redo(); }
  });
  // Another tab wrote the working copy: from now on this tab keeps its own copy and says so.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORE_KEY || event.newValue === null) return;
    // A tab that only opened (or wrote what this tab already has) is no conflict.
    try {
      const written = JSON.parse(event.newValue);
      if (written.tab === TAB_ID || written.text === scenarioText()) return;
    } catch { return; }
    if (!state.sharedWithAnotherTab) {
      state.sharedWithAnotherTab = true;
      showDiagnostics([...state.diagnostics, message('other_tab', 'warning')]);
      autosave();
    }
  });
  $('shipped').addEventListener('change', () => {
    const file = $('shipped').value;
    $('shipped').value = '';
    if (file) openText(shipped_scenario(file));
  });
  $('lang').addEventListener('click', () => {
    setLang(state.lang === 'zh' ? 'en' : 'zh');
    renderStatic();
    renderShipped();
    showDiagnostics(state.diagnostics);
    renderAll();
  });
  document.querySelectorAll('input[name=mode]').forEach((radio) => radio.addEventListener('change', () => { state.mode = radio.value; renderAll(); }));
  $('wan').addEventListener('change', () => { state.wan = $('wan').checked; renderTables(); });
  $('print').addEventListener('click', () => window.print());
  $('compare-add').addEventListener('click', addChosen);
  $('compare-file').addEventListener('click', () => $('compare-file-input').click());
  $('compare-file-input').addEventListener('change', () => { const file = $('compare-file-input').files[0]; $('compare-file-input').value = ''; if (file) addFile(file); });
  // A printed report carries the indicators' definitions and the documents in full.
  const printedDetails = () => document.querySelectorAll('#indicator-definitions, #about-sources');
  window.addEventListener('beforeprint', () => { forPrint(true); renderReportHead(); drawWaitingCharts(); printedDetails().forEach((details) => { details.dataset.open = details.open; details.open = true; }); });
  window.addEventListener('scroll', () => drawWaitingCharts({ onlyInView: true }), { passive: true });
  window.addEventListener('afterprint', () => { forPrint(false); printedDetails().forEach((details) => { details.open = details.dataset.open === 'true'; }); });
  $('jump-levers').addEventListener('click', () => $('panel').scrollIntoView({ block: 'start' }));
  $('jump-results').addEventListener('click', () => $('content').scrollIntoView({ block: 'start' }));
  $('tab-policy').addEventListener('click', () => showPane(false));
  $('tab-county').addEventListener('click', () => showPane(true));
  $('new-create').addEventListener('click', createCounty);
  $('template-xlsx').addEventListener('click', () => downloadTemplate('xlsx'));
  $('template-csv').addEventListener('click', () => downloadTemplate('csv'));
  $('import-sheet').addEventListener('click', () => $('sheet-file').click());
  $('sheet-file').addEventListener('change', () => { const files = [...$('sheet-file').files]; $('sheet-file').value = ''; if (files.length) importSpreadsheet(files); });
  $('mc-run').addEventListener('click', () => runUncertainty());
  wireAnalysis();
  wirePresenter();
  $('mc-cancel').addEventListener('click', cancelUncertainty);
  $('mc-ranges').addEventListener('toggle', renderRanges);
  $('ledger-year').addEventListener('change', () => { state.ledgerYear = Number($('ledger-year').value); renderTables(); });
  $('copy-scorecard').addEventListener('click', () => copyTable('scorecard'));
  $('copy-ledger').addEventListener('click', () => copyTable('ledger'));
  $('csv-scorecard').addEventListener('click', () => downloadTableCsv('scorecard'));
  $('csv-ledger').addEventListener('click', () => downloadTableCsv('ledger'));
  $('results-xlsx').addEventListener('click', () => downloadResultsXlsx());
  let resizeTimer = null;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderCharts, 100); });
  window.addEventListener('beforeunload', autosave);
  window.addEventListener('hashchange', openLinkFromHash);
}

async function main() {
  state.wasm = await init(wasmSource('ygt-wasm'));
  renderStatic();
  renderShipped();
  wire();
  const start = startingText();
  try {
    state.sandbox = new Sandbox(start.text);
    state.savedText = start.savedText;
  } catch {
    if (start.restored) {
      keepRecovered(start.text);
      showDiagnostics([message('opened_default')]);
    }
    state.sandbox = new Sandbox(shipped_scenario(DEFAULT_SCENARIO));
    state.savedText = scenarioText();
  }
  autosave();
  renderAll();
  performance.mark('ygt-first-charts');
  document.body.dataset.ready = 'true';
  resumePresenter();
  warmUncertainty();
}

// What the page says when it cannot start (a browser without WebAssembly, or one that refuses the
// module): the reason, and what to use instead, in place of the starting notice.
function failed(error) {
  const boot = $('boot');
  boot.className = 'failed';
  const noWasm = typeof WebAssembly === 'undefined';
  const reason = noWasm ? '此浏览器不支持 WebAssembly(沙盘的计算核心)' : `计算核心未能载入(${error?.message ?? error})`;
  const offline = document.getElementById('ygt-wasm') ? '' : ';也可使用离线单文件版';
  boot.textContent = `沙盘未能启动:${reason}。请使用 Chromium 80 及以上的浏览器(含 360、QQ、搜狗等国产浏览器的“极速模式”)、Edge 80 及以上或 Firefox 78 及以上${offline}。 / The sandbox could not start: ${noWasm ? 'this browser has no WebAssembly' : error?.message ?? error}. Use Chromium 80+, Edge 80+ or Firefox 78+.`;
  throw error;
}

// The page API, for scripting and tests (README "Page API").
const ready = main().then(() => { $('boot').hidden = true; }, failed);
window.ygt = {
  ready,
  load: async (text) => { await ready; const outcome = openText(text, { askFirst: false }); return outcome.diagnostics; },
  scenario: () => scenarioText(),
  set: async (path, value) => { await ready; return requestSet(path, value); },
  results: () => JSON.parse(state.sandbox.results()),
  share: () => shareLink(),
  undo,
  redo,
  memory: () => ({ wasmBytes: state.wasm.memory.buffer.byteLength }),
  uncertainty: async () => { await ready; return runUncertainty(); },
  tornado: async () => { await ready; return showTornado(); },
  waterfall: async () => { await ready; return showWaterfall(); },
  seek: async () => { await ready; return showSeek(); },
  compare: async (name, text) => { await ready; return JSON.parse(state.sandbox.compare_add(name, text ?? scenarioText())); },
};
