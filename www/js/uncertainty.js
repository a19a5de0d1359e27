// The uncertainty panel: a Monte Carlo over the behavioural assumptions, run in Web Workers (one per
// core, at most two) so the page keeps answering; progress, cancel, and the 10th-90th percentile bands
// drawn on the charts by the core (crate/src/analysis/uncertainty.rs).
import { state, scenarioText } from './state.js';
import { startToolsWorkers } from './embedded.js';
import { $, el, setProperty } from './dom.js';
import { t } from './words.js';
import { renderCharts } from './charts.js';
import { requestSet, structural } from './changes.js';
import { list_text } from '../pkg/ygt.js';
import { problemText } from './diagnostics.js';

const CHUNK = 50;

// The workers: started once (at the first idle moment after the page is drawn, or at the first run)
// and kept, so a run does not wait for the core to load again; cancelling stops them.
function pool() {
  const count = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
  state.monteCarlo.workers.push(...startToolsWorkers(count - state.monteCarlo.workers.length));
  return state.monteCarlo.workers;
}

export function warmUncertainty() {
  (window.requestIdleCallback ?? ((f) => setTimeout(f, 500)))(() => pool());
}

function finished() {
  state.monteCarlo.running = false;
  $('mc-run').disabled = false;
  $('mc-cancel').hidden = true;
  $('mc-progress').hidden = true;
}

export function cancelUncertainty() {
  if (!state.monteCarlo.running) return;
  for (const worker of state.monteCarlo.workers) worker.terminate();
  state.monteCarlo.workers = [];
  finished();
  $('mc-status').textContent = t('mc_cancelled');
  state.monteCarlo.cancel?.();
}

// Runs the draws; resolves with the summary (or null when cancelled or refused).
export function runUncertainty() {
  const draws = Number($('mc-draws').value);
  const seed = Number($('mc-seed').value);
  if (!Number.isInteger(draws) || draws < 10 || draws > 20000 || !Number.isInteger(seed) || seed < 0) {
    $('mc-status').textContent = t('mc_bad_input');
    return Promise.resolve(null);
  }
  cancelUncertainty();
  const text = scenarioText();
  const workers = pool();
  const count = workers.length;
  const started = performance.now();
  state.monteCarlo.running = true;
  $('mc-run').disabled = true;
  $('mc-cancel').hidden = false;
  const progress = $('mc-progress');
  progress.hidden = false;
  progress.max = draws;
  progress.value = 0;
  $('mc-status').textContent = '';
  return new Promise((resolve) => {
    const done = new Array(count).fill(0);
    const parts = new Array(count).fill(null);
    workers.forEach((worker, k) => {
      const from = Math.floor((draws * k) / count);
      const to = Math.floor((draws * (k + 1)) / count);
      worker.onmessage = ({ data }) => {
        if (data.done !== undefined) {
          done[k] = data.done;
          progress.value = done.reduce((a, b) => a + b, 0);
          return;
        }
        parts[k] = data.parts;
        if (parts.some((p) => p === null)) return;
        finished();
        if (scenarioText() !== text) {
          $('mc-status').textContent = t('mc_stale');
          resolve(null);
          return;
        }
        const summary = JSON.parse(state.sandbox.uncertainty_summary(`[${parts.flat().join(',')}]`, BigInt(seed)));
        state.monteCarlo.summary = summary;
        state.monteCarlo.forText = text;
        performance.measure('ygt-monte-carlo', { start: started });
        renderUncertainty();
        renderCharts();
        resolve(summary);
      };
      worker.onerror = () => { cancelUncertainty(); $('mc-status').textContent = t('mc_failed'); resolve(null); };
      worker.postMessage({ text, seed, from, to, chunk: CHUNK });
    });
    // A cancel resolves the run too.
    state.monteCarlo.cancel = () => resolve(null);
  });
}

// The chance of each target, or a note that the scenario changed since the draws.
export function renderUncertainty() {
  renderRanges();
  const summary = state.monteCarlo.summary;
  const list = $('mc-result');
  if (!summary) { list.replaceChildren(); return; }
  const current = scenarioText() === state.monteCarlo.forText;
  const last = summary.years[summary.years.length - 1];
  list.replaceChildren(...summary.targets.map((target) => {
    return el('li', { text: `${state.lang === 'zh' ? target.zh : target.en}: ${t('mc_chance')} ${last} ${target.shown}` });
  }));
  $('mc-status').textContent = current
    ? `${summary.draws} ${t('mc_draws_done')} · ${t('mc_seed')} ${summary.seed}`
    : t('mc_stale');
}

// The range of each assumption (Sandbox.uncertainty_ranges): what the draws and the tornado use, each
// editable as [low, high] at the path the core gives; a changed range can go back to the plausible one.
// Drawn while the table is open; what was typed and refused stays in its box.
export function renderRanges() {
  const details = $('mc-ranges');
  if (!details.open) return;
  const rows = JSON.parse(state.sandbox.uncertainty_ranges(state.lang));
  const table = $('mc-ranges-table');
  const shape = `${state.lang}|${rows.map((row) => row.path).join(',')}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    const head = el('tr', {}, ...['mc_assumption', 'mc_value', 'mc_low', 'mc_high', 'mc_plausible', 'mc_allowed', ''].map((key) => el('th', { text: key ? t(key) : '' })));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows.map((row) => {
      const box = (end) => el('input', { type: 'text', inputmode: 'decimal', class: `range-${end}`, 'aria-label': `${row.name} ${t(`mc_${end}`)}` });
      const low = box('low');
      const high = box('high');
      // A refusal is said here too, beside the boxes (the page's message area is far above).
      const send = async () => {
        const typed = [low.value.trim(), high.value.trim()];
        const outcome = await requestSet(row.path, list_text(JSON.stringify(typed)), typed);
        const refused = (outcome.diagnostics ?? []).filter((d) => d.severity === 'error' && d.path.startsWith(row.path));
        $('mc-ranges-message').textContent = refused.map(problemText).join(' · ');
      };
      low.addEventListener('change', send);
      high.addEventListener('change', send);
      const reset = el('button', { class: 'small', text: t('mc_default'), onclick: () => structural(() => state.sandbox.unset(row.path)) });
      return el('tr', { 'data-path': row.path },
        el('td', { text: row.name }), el('td', { class: 'value' }), el('td', {}, low), el('td', {}, high),
        el('td', { text: row.plausible ?? '—' }), el('td', { text: `${row.allowed} ${row.unit}` }),
        el('td', {}, reset, el('span', { class: 'note', text: t('mc_held') })));
    })));
  }
  // Values are filled in place, so a box being typed in is never replaced.
  rows.forEach((row, index) => {
    const tr = table.tBodies[0].rows[index];
    const typed = state.refused.get(row.path);
    tr.classList.toggle('refused', typed !== undefined);
    tr.classList.toggle('own', row.own);
    tr.querySelector('button').hidden = !row.own;
    tr.querySelector('.note').hidden = row.own || row.low !== null;
    tr.cells[1].textContent = `${row.value} ${row.unit}`;
    const [low, high] = tr.querySelectorAll('input');
    if (document.activeElement !== low) setProperty(low, 'value', typed?.[0] ?? row.low ?? '');
    if (document.activeElement !== high) setProperty(high, 'value', typed?.[1] ?? row.high ?? '');
  });
}
