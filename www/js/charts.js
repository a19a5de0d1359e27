// The charts: the core draws each onto its canvas, at the canvas's size in device pixels. A change
// draws the charts in view at once and the others right after, when the page is idle (or as soon as
// they scroll into view, or before printing), so what the user sees is redrawn first.
import { state } from './state.js';
import { $, el } from './dom.js';
import { t } from './words.js';
import { downloadChart } from './exports.js';

// A chart's figure: its canvas, and buttons to take it away as PNG or SVG.
function figure(index) {
  const button = (format) => el('button', { class: 'small', 'data-i18n': `chart_${format}`, text: t(`chart_${format}`), onclick: () => downloadChart(index, format) });
  return el('figure', { class: 'chart' }, el('canvas', { role: 'img' }), el('figcaption', {}, button('png'), button('svg')));
}

function draw(index, canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(320, Math.round(canvas.clientWidth * ratio));
  const height = Math.round(width * 9 / 16);
  if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
  state.sandbox.draw_chart(index, canvas, state.lang);
  delete canvas.dataset.stale;
}

function inView(canvas) {
  const box = canvas.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
}

// Draws the charts still waiting (all of them, or only those in view).
export function drawWaitingCharts({ onlyInView = false } = {}) {
  const canvases = [...$('charts').querySelectorAll('canvas[data-stale]')];
  canvases.forEach((canvas) => {
    if (!onlyInView || inView(canvas)) draw(Number(canvas.dataset.index), canvas);
  });
}

export function renderCharts() {
  const box = $('charts');
  const sandbox = state.sandbox;
  const count = sandbox.chart_count();
  while (box.children.length < count) box.append(figure(box.children.length));
  let waiting = false;
  for (let index = 0; index < count; index++) {
    const canvas = box.children[index].firstChild;
    canvas.setAttribute('data-chart', sandbox.chart_key(index));
    canvas.dataset.index = String(index);
    if (inView(canvas)) draw(index, canvas);
    else { canvas.dataset.stale = 'true'; waiting = true; }
  }
  if (waiting) {
    const later = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
    later(() => drawWaitingCharts(), { timeout: 100 });
  }
}
