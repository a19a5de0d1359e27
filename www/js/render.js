// Drawing the page from the core's view (report::view): the title, controls, charts, tables and the
// county editor. Each part updates in place when its shape is unchanged.
import { state } from './state.js';
import { $ } from './dom.js';
import { renderSaveState } from './storage.js';
import { renderControls } from './controls.js';
import { renderCharts } from './charts.js';
import { renderScorecard, renderLedger } from './tables.js';
import { renderCounty } from './county.js';
import { renderUncertainty } from './uncertainty.js';
import { renderAnalysisChoices } from './analysis.js';
import { renderCompare } from './compare.js';
import { renderPresenter } from './presenter.js';

// The view of the current scenario, as the page's settings ask for it.
function fetchView() {
  const started = performance.now();
  state.view = JSON.parse(state.sandbox.view(JSON.stringify({
    lang: state.lang, mode: state.mode, wan: state.wan, ledger_year: state.ledgerYear, editor: state.countyOpen,
  })));
  performance.measure('ygt-results', { start: started });
}

export function renderAll() {
  fetchView();
  const view = state.view;
  let mark = performance.now();
  const step = (name) => { performance.measure(name, { start: mark }); mark = performance.now(); };
  // The charts first, while the page's layout is still clean: measuring their canvases after the
  // controls and tables have changed would force the whole page to be laid out again mid-task.
  renderCharts();
  step('ygt-charts');
  renderControls(view.controls);
  step('ygt-controls');
  $('scenario-title').textContent = view.title;
  // The scenario's own description (its teaching text), one line that opens to the whole.
  $('scenario-about').hidden = !view.description;
  $('scenario-summary').textContent = view.description.trim().split(/[。\n]/)[0];
  $('scenario-description').textContent = view.description;
  renderScorecard(view.scorecard);
  renderLedger(view.ledger);
  renderSaveState();
  step('ygt-tables');
  if (view.editor) renderCounty(view.editor);
  renderUncertainty();
  renderAnalysisChoices();
  renderCompare();
  renderPresenter();
}

// The tables alone (the money unit or the ledger's year changed).
export function renderTables() {
  fetchView();
  renderScorecard(state.view.scorecard);
  renderLedger(state.view.ledger);
}
