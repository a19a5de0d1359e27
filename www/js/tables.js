// The scorecard and the year's ledger, drawn from the core's view (figures, changes and targets met
// come formatted from the core).
import { state } from './state.js';
import { $, el, setText, setProperty } from './dom.js';
import { t } from './words.js';

export function renderScorecard(scorecard) {
  const table = $('scorecard');
  const shape = `${scorecard.header.join(',')}|${scorecard.rows.map((row) => row.name).join(',')}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    const head = el('tr', {}, ...scorecard.header.map((cell) => el('th', { text: cell })));
    const body = el('tbody');
    for (const row of scorecard.rows) {
      body.append(el('tr', {}, el('td', { text: row.name, title: row.definition }),
        ...row.cells.map(() => el('td', {}, el('span', { class: 'now' }), el('br'), el('span', { class: 'base' })))));
    }
    table.replaceChildren(el('thead', {}, head), body);
    $('indicator-definitions').lastChild.replaceChildren(...scorecard.rows.flatMap((row) => [
      el('dt', { text: row.name }), el('dd', { text: row.definition })]));
  }
  // Values are filled in place: the table keeps its layout while levers move.
  const rows = table.tBodies[0].rows;
  scorecard.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
    const td = rows[r].cells[c + 1];
    setProperty(td, 'className', cell.met === true ? 'met' : cell.met === false ? 'unmet' : '');
    setText(td.firstChild, cell.now);
    setText(td.lastChild, cell.detail);
  }));
}

export function renderLedger(ledger) {
  const select = $('ledger-year');
  const years = ledger.years.join(',');
  if (select.dataset.years !== years) {
    select.dataset.years = years;
    select.replaceChildren(...ledger.years.map((year) => el('option', { value: year, text: String(year) })));
  }
  select.value = String(ledger.year);
  $('ledger-year-print').textContent = String(ledger.year);
  const table = $('ledger');
  const shape = `${state.lang}|${ledger.unit}|${ledger.rows.map((row) => row.name).join(',')}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    const body = el('tbody');
    for (const row of ledger.rows) body.append(el('tr', row.section ? { class: 'section' } : {}, el('td', { text: row.name }), el('td'), el('td')));
    table.replaceChildren(el('thead', {}, el('tr', {}, el('th', { text: '' }), el('th', { text: `${t('sources')} (${ledger.unit})` }), el('th', { text: `${t('uses')} (${ledger.unit})` }))), body);
  }
  const rows = table.tBodies[0].rows;
  ledger.rows.forEach((row, index) => {
    setText(rows[index].cells[1], row.source);
    setText(rows[index].cells[2], row.use);
  });
  const balance = $('ledger-balance');
  balance.textContent = ledger.balanced ? '✓ ' + t('balanced') : '✗ ' + t('not_balanced');
  balance.className = ledger.balanced ? 'ok' : 'bad';
}

