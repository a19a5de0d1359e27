// Comparing scenarios: up to three others beside the current one, each a snapshot of the current
// scenario ("duplicate, then change"), a shipped example or a file. The core overlays their reform
// lines on every chart and sets the indicators side by side (report::view::comparison).
import { state, scenarioText } from './state.js';
import { $, el, setText } from './dom.js';
import { t } from './words.js';
import { renderCharts } from './charts.js';
import { showDiagnostics } from './diagnostics.js';
import { shipped_scenarios, shipped_scenario } from '../pkg/ygt.js';

export function renderComparePicker() {
  const select = $('compare-pick');
  select.replaceChildren(el('option', { value: '', text: t('compare_snapshot') }),
    ...JSON.parse(shipped_scenarios()).map((s) => el('option', { value: s.file, text: s.title })));
}

function add(name, text) {
  const outcome = JSON.parse(state.sandbox.compare_add(name, text));
  if (!outcome.ok) showDiagnostics(outcome.diagnostics);
  renderCharts();
  renderCompare();
  return outcome;
}

// Adds the scenario chosen in the picker (or a snapshot of the current one) under the typed name.
export function addChosen() {
  const file = $('compare-pick').value;
  const typed = $('compare-name').value;
  const name = typed || (file ? '' : `${t('compare_copy')} ${JSON.parse(state.sandbox.compared()).length + 1}`);
  const outcome = add(name, file ? shipped_scenario(file) : scenarioText());
  if (outcome.ok) { $('compare-name').value = ''; $('compare-pick').value = ''; }
  return outcome;
}

export async function addFile(file) {
  // Without a typed name, the file's own title names it (as the shipped examples' do).
  return add($('compare-name').value, await file.text());
}

export function renderCompare() {
  const names = JSON.parse(state.sandbox.compared());
  const list = $('compare-list');
  const named = `${state.lang}|${names.join('|')}`;
  if (list.dataset.names !== named) {
    list.dataset.names = named;
    list.replaceChildren(...names.map((name, index) => el('li', {},
    el('span', { text: name }), ' ',
    el('button', { class: 'small', text: t('compare_remove'), onclick: () => { state.sandbox.compare_remove(index); renderCharts(); renderCompare(); } }))));
  }
  const table = $('compare-table');
  const comparison = JSON.parse(state.sandbox.comparison(JSON.stringify({ lang: state.lang, wan: state.wan })));
  table.hidden = comparison === null;
  $('compare-section').classList.toggle('empty', comparison === null);
  if (comparison === null) { table.replaceChildren(); return; }
  const shape = `${comparison.header.join('|')}|${comparison.rows.length}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    table.replaceChildren(el('thead', {}, el('tr', {}, ...comparison.header.map((text) => el('th', { text })))),
      el('tbody', {}, ...comparison.rows.map((row) => el('tr', {}, el('td'), ...row.cells.map(() => el('td'))))));
  }
  const rows = table.tBodies[0].rows;
  comparison.rows.forEach((row, r) => {
    setText(rows[r].cells[0], row.name);
    row.cells.forEach((cell, c) => {
      const td = rows[r].cells[c + 1];
      setText(td, cell.text);
      td.className = cell.met === true ? 'met' : cell.met === false ? 'unmet' : '';
    });
  });
}
