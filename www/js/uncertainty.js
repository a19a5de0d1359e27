// The uncertainty panel: a Monte Carlo over the behavioural assumptions, run in Web Workers (one per
// core, at most two) so the page keeps answering; progress, cancel, and the 10th-90th percentile bands
// drawn on the charts by the core (crate/src/analysis/uncertainty.rs).
import { state, scenarioText } from './state.js';
import { startToolsWorkers } from './embedded.js';
import { $, el } from './dom.js';
import { t } from './words.js';
import { renderCharts } from './charts.js';

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
