// The printed report's head (shown only in print): the scenario's title and description, the date,
// and what the reform changes from today and which assumptions differ from their defaults, each with
// its source, as the core gives them (report::view::departures), built just before printing.
import { state } from './state.js';
import { $, el } from './dom.js';
import { t } from './words.js';

function table(heading, rows, none) {
  const body = rows.length
    ? rows.map((row) => el('tr', {}, el('td', { text: row.name }), el('td', { text: `${row.before} → ${row.after}${row.unit ? ` ${row.unit}` : ''}` }), el('td', { class: 'source', text: row.source })))
    : [el('tr', {}, el('td', { text: none, colspan: '3' }))];
  return [el('h3', { text: heading }), el('table', { class: 'departures' }, el('tbody', {}, ...body))];
}

// Built when the page prints (the view of a lever move does not carry it).
export function renderReportHead() {
  const view = state.view;
  const departures = JSON.parse(state.sandbox.departures(JSON.stringify({ lang: state.lang, mode: state.mode })));
  const date = new Date().toLocaleDateString(state.lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
  const shape = JSON.stringify([view.title, view.description, departures, date]);
  const head = $('print-head');
  if (head.dataset.shape === shape) return;
  head.dataset.shape = shape;
  head.replaceChildren(
    el('h1', { text: view.title }),
    el('p', { class: 'meta', text: `${t('app_title')} · ${t('printed_on')} ${date}` }),
    el('p', { class: 'description', text: view.description }),
    ...table(departures.levers_heading, departures.levers, departures.none),
    ...table(departures.assumptions_heading, departures.assumptions, departures.none),
  );
}
