// Presenter mode (演示模式), for a projector: one chart (or two) at full size in large type, the last
// year's key figures beside it, the lever the step moves, the workshop step's question and what to
// point at, and the share link's QR code; worked from the keyboard. A step opens with the reform's
// lines held back ("predict first"): the room answers the question, then the trainer reveals them.
// Every figure and label comes from the core (Sandbox.presenter, the controls view, workshop()); the
// moved lever's next value too (Sandbox.nudged).
import { state } from './state.js';
import { $, el, setText } from './dom.js';
import { t } from './words.js';
import { requestSet, openText } from './changes.js';
import { renderAll } from './render.js';
import { renderCharts } from './charts.js';
import { shareUrl, showQr } from './files.js';
import { workshop, shipped_scenario } from '../pkg/ygt.js';

const presenter = { on: false, chart: 0, two: false, step: -1, lever: null, predicting: false, qr: false };

const steps = () => JSON.parse(workshop(state.lang));

// The levers the keys can move: the reform's, in the panel's order.
function leverControls() {
  return state.view.controls.levers.flatMap((group) => group.controls);
}

function setPredicting(predicting) {
  presenter.predicting = predicting;
  state.sandbox.set_predicting(predicting);
}

export function enterPresenter(stepIndex = presenter.step) {
  presenter.on = true;
  document.body.classList.add('presenting');
  $('presenter').hidden = false;
  if (state.mode !== 'reform') {
    state.mode = 'reform';
    document.querySelector('input[name=mode][value=reform]').checked = true;
  }
  if (stepIndex >= 0) openStep(stepIndex);
  else renderAll();
  $('presenter').focus();
}

export function exitPresenter() {
  presenter.on = false;
  setPredicting(false);
  document.body.classList.remove('presenting');
  $('presenter').hidden = true;
  if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  renderCharts();
}

// Opens workshop step `index`: its scenario, its lever selected, the reform held back until revealed.
function openStep(index) {
  const list = steps();
  if (index < 0 || index >= list.length) return;
  const outcome = openText(shipped_scenario(list[index].file));
  if (!outcome?.ok) { renderAll(); return; }
  presenter.step = index;
  presenter.lever = list[index].lever;
  const charts = Array.from({ length: state.sandbox.chart_count() }, (_, k) => state.sandbox.chart_key(k));
  presenter.chart = Math.max(0, charts.indexOf(list[index].chart));
  setPredicting(true);
  renderAll();
}

function moveLever(direction) {
  const path = presenter.lever ?? leverControls()[0]?.path;
  if (!path) return;
  presenter.lever = path;
  const value = state.sandbox.nudged(path, direction);
  if (value) requestSet(path, value);
}

function chooseLever(direction) {
  const paths = leverControls().map((control) => control.path);
  const at = paths.indexOf(presenter.lever);
  presenter.lever = paths[(at + direction + paths.length) % paths.length];
  renderPresenter();
}

function toggleQr() {
  presenter.qr = !presenter.qr;
  $('p-qr').hidden = !presenter.qr;
  if (presenter.qr) showQr(shareUrl(), $('p-qr-image'), $('p-qr-note'));
}

const KEYS = {
  ArrowRight: () => { presenter.chart += 1; renderPresenter(); },
  ArrowLeft: () => { presenter.chart -= 1; renderPresenter(); },
  ArrowUp: () => moveLever(1),
  ArrowDown: () => moveLever(-1),
  ']': () => chooseLever(1),
  '[': () => chooseLever(-1),
  ' ': () => { setPredicting(!presenter.predicting); renderPresenter(); },
  n: () => openStep(presenter.step + 1),
  PageDown: () => openStep(presenter.step + 1),
  p: () => openStep(Math.max(0, presenter.step - 1)),
  PageUp: () => openStep(Math.max(0, presenter.step - 1)),
  2: () => { presenter.two = !presenter.two; renderPresenter(); },
  q: toggleQr,
  f: () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.())?.catch?.(() => {}),
  Escape: exitPresenter,
};

export function wirePresenter() {
  $('present').addEventListener('click', () => enterPresenter());
  $('p-exit').addEventListener('click', exitPresenter);
  $('p-reveal').addEventListener('click', KEYS[' ']);
  $('p-next').addEventListener('click', KEYS.n);
  $('p-prev').addEventListener('click', KEYS.p);
  $('p-up').addEventListener('click', KEYS.ArrowUp);
  $('p-down').addEventListener('click', KEYS.ArrowDown);
  $('p-qr-button').addEventListener('click', toggleQr);
  window.addEventListener('keydown', (event) => {
    if (!presenter.on || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
  window.addEventListener('resize', () => { if (presenter.on) renderPresenter(); });
}

// The presenter's charts: `shown` of them from chart `first`, stacked, together filling the area
// (each between 4:3 and 2.2:1, so the plot stays readable).
function drawCharts(first, shown) {
  const box = $('p-charts');
  while (box.children.length < shown) box.append(el('canvas', { role: 'img' }));
  while (box.children.length > shown) box.lastChild.remove();
  const ratio = window.devicePixelRatio || 1;
  const room = box.getBoundingClientRect();
  const tall = Math.max(180, Math.floor((room.height - 8 * (shown - 1)) / shown));
  const width = Math.max(280, Math.floor(Math.min(room.width, tall * 2.2)));
  const height = Math.floor(Math.min(tall, width * 3 / 4));
  [...box.children].forEach((canvas, k) => {
    const index = (first + k) % state.sandbox.chart_count();
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.dataset.chart = state.sandbox.chart_key(index);
    state.sandbox.draw_chart(index, canvas, state.lang);
  });
}

// The chosen lever: its name, value (or one per year), unit and range, from the controls view.
function renderLever() {
  const controls = leverControls();
  const control = controls.find((c) => c.path === presenter.lever) ?? controls[0];
  presenter.lever = control?.path ?? null;
  if (!control) return;
  const value = control.years ? control.years.map((year) => year.value).join(' / ')
    : control.widget === 'select' ? control.choices[Number(control.value)]
      : control.widget === 'switch' ? (control.on ? t('p_on') : t('p_off')) : control.value;
  setText($('p-lever-name'), control.name);
  setText($('p-lever-value'), value);
  setText($('p-lever-unit'), control.widget === 'select' || control.widget === 'switch' ? '' : control.unit);
  setText($('p-lever-range'), control.range ?? '');
}

// The last year's key figures; the reform's are held back ("?") until revealed.
function renderRows(index) {
  const answer = JSON.parse(state.sandbox.presenter(index, JSON.stringify({ lang: state.lang, wan: true })));
  setText($('p-year'), `${answer.year ?? ''}`);
  $('p-rows').replaceChildren(...answer.rows.map((row) => {
    const hidden = presenter.predicting;
    const mark = hidden || row.met === null ? '' : row.met ? ' ✓' : ' ✗';
    return el('tr', { class: hidden || row.met === null ? '' : row.met ? 'met' : 'unmet' },
      el('th', { text: row.name }),
      el('td', { class: 'base', text: row.base }),
      el('td', { class: 'now', text: hidden ? '?' : `${row.now}${mark}` }),
      el('td', { class: 'change', text: hidden ? '' : row.change }));
  }));
}

export function renderPresenter() {
  if (!presenter.on || !state.view) return;
  const charts = state.sandbox.chart_count();
  presenter.chart = ((presenter.chart % charts) + charts) % charts;
  const list = steps();
  const step = list[presenter.step];
  setText($('p-step'), step ? `${t('p_step').replace('{n}', String(presenter.step + 1)).replace('{m}', String(list.length))} · ${step.title}` : t('presenter'));
  setText($('p-title'), state.view.title);
  // Before the reveal: the question for the room; after: what to point at (or the description).
  const prompt = step ? (presenter.predicting ? `${t('workshop_ask')}${step.ask}` : step.look)
    : (presenter.predicting ? t('p_predict') : state.view.description.trim().split(/[。\n]/)[0]);
  setText($('p-prompt'), prompt);
  $('p-prompt').classList.toggle('asking', presenter.predicting);
  setText($('p-reveal'), presenter.predicting ? t('p_reveal') : t('p_hide'));
  $('p-prev').disabled = presenter.step <= 0;
  $('p-next').disabled = presenter.step >= list.length - 1;
  drawCharts(presenter.chart, Math.min(presenter.two ? 2 : 1, charts));
  renderLever();
  renderRows(presenter.chart);
  setText($('p-chart-of'), `${presenter.chart + 1} / ${charts}`);
}
