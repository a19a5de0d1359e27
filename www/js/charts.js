// The charts: the core draws each onto its canvas, at the canvas's size in device pixels.
import { state } from './state.js';
import { $, el } from './dom.js';
import { t } from './words.js';
import { downloadChart } from './exports.js';

// A chart's figure: its canvas, and buttons to take it away as PNG or SVG.
function figure(index) {
  const button = (format) => el('button', { class: 'small', 'data-i18n': `chart_${format}`, text: t(`chart_${format}`), onclick: () => downloadChart(index, format) });
  return el('figure', { class: 'chart' }, el('canvas', { role: 'img' }), el('figcaption', {}, button('png'), button('svg')));
}

export function renderCharts() {
  const box = $('charts');
  const sandbox = state.sandbox;
  const count = sandbox.chart_count();
  while (box.children.length < count) box.append(figure(box.children.length));
  const ratio = window.devicePixelRatio || 1;
  for (let index = 0; index < count; index++) {
    const canvas = box.children[index].firstChild;
    canvas.setAttribute('data-chart', sandbox.chart_key(index));
    const width = Math.max(320, Math.round(canvas.clientWidth * ratio));
    const height = Math.round(width * 9 / 16);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    sandbox.draw_chart(index, canvas, state.lang);
  }
}
