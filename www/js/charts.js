// The charts: the core draws each onto its canvas, at the canvas's size in device pixels.
import { state } from './state.js';
import { $, el } from './dom.js';

export function renderCharts() {
  const box = $('charts');
  const sandbox = state.sandbox;
  const count = sandbox.chart_count();
  while (box.children.length < count) box.append(el('canvas', { role: 'img' }));
  const ratio = window.devicePixelRatio || 1;
  for (let index = 0; index < count; index++) {
    const canvas = box.children[index];
    canvas.setAttribute('data-chart', sandbox.chart_key(index));
    const width = Math.max(320, Math.round(canvas.clientWidth * ratio));
    const height = Math.round(width * 9 / 16);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    sandbox.draw_chart(index, canvas, state.lang);
  }
}
