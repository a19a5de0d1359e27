// Ways out of the page: each chart as PNG (the canvas as drawn) or SVG (drawn again by the core), the
// scorecard and the ledger as CSV or to the clipboard (numbers as numbers, built by the core's
// report::export), and both as one .xlsx workbook (tools module, loaded on first use).
import { state, scenarioText } from './state.js';
import { $, download } from './dom.js';
import { tools } from './tools.js';

// A file name from the scenario's title, safe on every system.
export function fileBase() {
  return (state.view?.title || 'scenario').replace(/[\\/:*?"<>|\s·]+/g, '_').slice(0, 60);
}

export function copyTable(which) {
  return navigator.clipboard?.writeText(state.sandbox.table_text(which, state.lang, 'tsv'));
}

export function downloadTableCsv(which) {
  const text = state.sandbox.table_text(which, state.lang, 'csv');
  download(`${fileBase()}-${which}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

export async function downloadResultsXlsx() {
  const module = await tools();
  const bytes = module.results_xlsx(scenarioText(), state.lang);
  download(`${fileBase()}-results.xlsx`, new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}

export function downloadChart(index, format) {
  const key = state.sandbox.chart_key(index);
  const canvas = $('charts').querySelectorAll('canvas')[index];
  if (format === 'svg') {
    // The chart's canvas measures the SVG's text (plotters would measure with a styled element).
    download(`${fileBase()}-${key}.svg`, new Blob([state.sandbox.chart_svg(index, state.lang, canvas)], { type: 'image/svg+xml' }));
  } else {
    // Drawn again at 1920 by 1080 for slides and reports (the screen's canvas may be 400 pixels wide).
    const large = document.createElement('canvas');
    large.width = 1920;
    large.height = 1080;
    state.sandbox.draw_chart(index, large, state.lang);
    large.toBlob((blob) => download(`${fileBase()}-${key}.png`, blob), 'image/png');
  }
}
