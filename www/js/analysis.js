// The analysis panel: which assumptions a result rests on (tornado), which lever did the work
// (waterfall of Shapley values), what lever value reaches a target (goal-seek), and what differs from
// another scenario. The core answers each (crate/src/analysis/view.rs), bars' positions included; the
// page places them.
import { state, scenarioText } from './state.js';
import { startToolsWorkers } from './embedded.js';
import { $, el } from './dom.js';
import { t } from './words.js';
import { requestSet } from './changes.js';
import { shipped_scenarios, shipped_scenario } from '../pkg/ygt.js';
import { tools } from './tools.js';

function fillSelect(select, options) {
  const kept = select.value;
  select.replaceChildren(...options.map((o) => el('option', { value: String(o.value), text: o.label ?? String(o.value) })));
  if (options.some((o) => String(o.value) === kept)) select.value = kept;
}

// The selects, from the core's choices (on start, a new scenario and a language change).
export async function renderAnalysisChoices() {
  // Asked again only when the language or the years change (not on every lever move), and rebuilt only
  // when they differ (an open select is not disturbed).
  const shape = `${state.lang}|${state.view.scorecard.header.join(',')}`;
  if ($('an-year').dataset.shape === shape) return;
  $('an-year').dataset.shape = shape;
  const raw = (await tools()).analysis_choices(scenarioText(), state.lang);
  if ($('an-indicator').dataset.choices === raw) return;
  $('an-indicator').dataset.choices = raw;
  const choices = JSON.parse(raw);
  fillSelect($('an-indicator'), choices.indicators);
  fillSelect($('an-year'), choices.years.map((year) => ({ value: year })));
  if (!choices.years.map(String).includes($('an-year').dataset.chosen ?? '')) $('an-year').value = String(choices.years[choices.years.length - 1]);
  fillSelect($('an-lever'), choices.levers);
  fillSelect($('an-other'), [{ value: '', label: t('an_other') }, ...JSON.parse(shipped_scenarios()).map((s) => ({ value: s.file, label: s.title }))]);
}

// A refused question is answered where the answer would be (replacing the last answer), in the
// interface's language.
function refused(outcome) {
  if (outcome.ok) return false;
  const said = outcome.diagnostics.map((d) => `${d.path ? `${d.path}: ` : ''}${state.lang === 'zh' ? d.message_zh : d.message_en}`);
  $('an-result').replaceChildren(...said.map((text) => el('p', { class: 'unmet-text', text })));
  return true;
}

// A row of the tornado or the waterfall: the label, a track with the bar placed by the core.
function barRow(label, bar, className, texts) {
  const track = el('div', { class: 'track' });
  const span = el('span', { class: `bar ${className}` });
  span.style.left = `${bar.left}%`;
  span.style.width = `${bar.width}%`;
  track.append(span);
  return el('div', { class: 'bar-row' }, el('div', { class: 'bar-label', text: label }), track, el('div', { class: 'bar-text', text: texts }));
}

function marker(track, at, text) {
  const line = el('span', { class: 'marker', title: text });
  line.style.left = `${at}%`;
  track.append(line);
}

export async function showTornado() {
  const outcome = JSON.parse((await tools()).tornado(scenarioText(), $('an-indicator').value, Number($('an-year').value), state.lang));
  if (refused(outcome)) return outcome;
  const box = el('div', { class: 'bars tornado' });
  for (const bar of outcome.bars) {
    const row = barRow(bar.label, bar, bar.low_end_left ? 'rises' : 'falls', `${bar.at_low} … ${bar.at_high}  (${bar.range})`);
    marker(row.querySelector('.track'), outcome.base, outcome.value);
    box.append(row);
  }
  $('an-result').replaceChildren(el('h3', { text: `${outcome.title}: ${outcome.value}` }), box, el('p', { class: 'note', text: outcome.note }));
  return outcome;
}

// The waterfall runs the model hundreds of times (exact Shapley values): in a worker of its own, so the
// page keeps answering meanwhile.
function inWorker(args) {
  // A new question cancels the one still running (its worker is stopped), so the answer shown is
  // always the last one asked.
  if (state.analysisWorker?.busy) {
    state.analysisWorker.worker.terminate();
    state.analysisWorker.settle(null);
    state.analysisWorker = null;
  }
  if (!state.analysisWorker) {
    const [worker] = startToolsWorkers(1);
    state.analysisWorker = { worker, busy: false, settle: () => {} };
  }
  const job = state.analysisWorker;
  return new Promise((resolve) => {
    job.busy = true;
    job.settle = (answer) => { job.busy = false; resolve(answer); };
    job.worker.onmessage = ({ data }) => job.settle(data.answer);
    job.worker.onerror = () => job.settle(JSON.stringify({ ok: false, diagnostics: [{ path: '', message_zh: '计算失败,请重试', message_en: 'the computation failed; try again' }] }));
    job.worker.postMessage({ waterfall: args });
  });
}

export async function showWaterfall() {
  $('an-result').replaceChildren(el('p', { class: 'note', text: t('an_working') }));
  const answer = await inWorker([scenarioText(), $('an-indicator').value, Number($('an-year').value), state.lang]);
  // A question asked again meanwhile cancelled this one: its answer is not shown.
  if (answer === null) return { ok: false, superseded: true };
  const outcome = JSON.parse(answer);
  if (refused(outcome)) return outcome;
  const box = el('div', { class: 'bars waterfall' });
  const ends = (end) => {
    const row = barRow(end.label, { left: end.at, width: 0 }, 'end', end.value);
    marker(row.querySelector('.track'), end.at, end.value);
    return row;
  };
  box.append(ends(outcome.baseline));
  for (const step of outcome.steps) box.append(barRow(step.label, step, step.up ? 'up' : 'down', step.change));
  box.append(ends(outcome.reform));
  $('an-result').replaceChildren(el('h3', { text: `${outcome.title}: ${outcome.baseline.value} → ${outcome.reform.value} (${outcome.total})` }), box, el('p', { class: 'note', text: outcome.note }));
  return outcome;
}

export async function showSeek() {
  const outcome = JSON.parse((await tools()).seek(scenarioText(), $('an-lever').value, $('an-indicator').value, Number($('an-year').value), $('an-target').value, state.lang));
  if (refused(outcome)) return outcome;
  const apply = el('button', { text: t('an_apply') });
  apply.addEventListener('click', () => requestSet(outcome.path, outcome.value));
  $('an-result').replaceChildren(el('p', { class: outcome.meets ? 'met-text' : 'unmet-text', text: outcome.text }), apply);
  return outcome;
}

export async function showDifferences(text) {
  const outcome = JSON.parse((await tools()).differences(scenarioText(), text, state.lang));
  if (refused(outcome)) return outcome;
  const table = el('table', { class: 'diff' },
    el('thead', {}, el('tr', {}, ...[t('an_field'), t('an_path'), t('an_current'), t('an_other_value')].map((h) => el('th', { text: h })))),
    el('tbody', {}, ...outcome.rows.map((row) => el('tr', {},
      el('td', { text: row.unit ? `${row.label} (${row.unit})` : row.label }), el('td', { class: 'path', text: row.path }),
      el('td', { text: row.old }), el('td', { text: row.new })))));
  $('an-result').replaceChildren(el('h3', { text: `${outcome.rows.length} ${t('an_differences')}` }), el('div', { class: 'table-wrap' }, table));
  return outcome;
}

export function wireAnalysis() {
  $('an-tornado').addEventListener('click', showTornado);
  $('an-waterfall').addEventListener('click', showWaterfall);
  $('an-seek').addEventListener('click', showSeek);
  $('an-year').addEventListener('change', () => { $('an-year').dataset.chosen = $('an-year').value; });
  $('an-other').addEventListener('change', () => {
    const file = $('an-other').value;
    if (file) showDifferences(shipped_scenario(file));
  });
  $('an-diff-file').addEventListener('click', () => $('an-file').click());
  $('an-file').addEventListener('change', async () => {
    const file = $('an-file').files[0];
    $('an-file').value = '';
    if (file) showDifferences(await file.text());
  });
}
