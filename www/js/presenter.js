// Presenter mode (演示模式), for a projector: one chart (or two) at full size in large type, the last
// year's key figures beside it, the lever the step moves, the workshop step's question and what to
// point at, and the share link's QR code; worked from the keyboard. A step opens with the reform's
// lines held back ("predict first"): the room answers the question, then the trainer reveals them.
// Every figure and label comes from the core (Sandbox.presenter, the controls view, workshop()); the
// moved lever's next value too (Sandbox.nudged).
import { state, history } from './state.js';
import { $, el, setText } from './dom.js';
import { t } from './words.js';
import { requestSet, openText } from './changes.js';
import { renderAll } from './render.js';
import { renderCharts } from './charts.js';
import { shareUrl, showQr } from './files.js';
import { workshop, shipped_scenario } from '../pkg/ygt.js';

const presenter = {
  on: false, chart: 0, two: false, lever: null, predicting: false, qr: false,
  step: -1,        // the workshop step shown, or -1 for the scenario the user had open
  stepDepth: 0,    // the undo history's length when the step opened: undone past it, the step is left
  modeBefore: 'reform', // the panel's editing mode before presenting, restored on leaving
};

const steps = () => JSON.parse(workshop(state.lang));

// The levers the keys can move: the reform's, in the panel's order.
function leverControls() {
  return state.view.controls.levers.flatMap((group) => group.controls);
}

function setPredicting(predicting) {
  presenter.predicting = predicting;
  state.sandbox.set_predicting(predicting);
}

function setMode(mode) {
  state.mode = mode;
  document.querySelector(`input[name=mode][value=${mode}]`).checked = true;
}

// What the presenter shows is kept for this tab (sessionStorage), so a reload in the middle of a
// workshop comes back to the same step, chart and reveal (the scenario itself is the working copy).
const SESSION_KEY = 'ygt.presenter';

function remember() {
  try {
    if (presenter.on) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ step: presenter.step, chart: presenter.chart, two: presenter.two, predicting: presenter.predicting, lever: presenter.lever, modeBefore: presenter.modeBefore }));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch { /* a reload then starts on the page */ }
}

// After a reload: presents again what was presented, if the tab was presenting.
export function resumePresenter() {
  let kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(SESSION_KEY)); } catch { /* nothing kept */ }
  if (!kept) return;
  enterPresenter();
  presenter.modeBefore = kept.modeBefore ?? 'reform';
  presenter.step = Number.isInteger(kept.step) && kept.step < steps().length ? kept.step : -1;
  presenter.stepDepth = history.undo.length;
  presenter.chart = Number.isInteger(kept.chart) ? kept.chart : 0;
  presenter.two = kept.two === true;
  presenter.lever = typeof kept.lever === 'string' ? kept.lever : null;
  setPredicting(kept.predicting === true);
  renderPresenter();
}

// Shows or hides the presenter, with no step, no QR code and nothing held back.
function showPresenter(on) {
  presenter.on = on;
  presenter.step = -1;
  presenter.qr = false;
  $('p-qr').hidden = true;
  setPredicting(false);
  document.body.classList.toggle('presenting', on);
  $('presenter').hidden = !on;
}

// Presents workshop step `stepIndex`, or (without one) the scenario that is open, as it is.
export function enterPresenter(stepIndex = -1) {
  presenter.modeBefore = state.mode;
  showPresenter(true);
  if (state.mode !== 'reform') setMode('reform');
  if (stepIndex >= 0) openStep(stepIndex);
  else renderAll();
  $('presenter').focus();
}

export function exitPresenter() {
  if (!presenter.on) return;
  showPresenter(false);
  remember();
  if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  if (presenter.modeBefore !== state.mode) setMode(presenter.modeBefore);
  renderAll();
}

// A printed report shows the reform whatever the room is predicting: its charts are drawn with the
// reform's lines for the print and held back again after it.
export function forPrint(printing) {
  if (!presenter.on || !presenter.predicting) return;
  state.sandbox.set_predicting(!printing);
  renderCharts();
}

// Opens workshop step `index`: its scenario, its lever selected, the reform held back until revealed.
function openStep(index) {
  const list = steps();
  if (index < 0 || index >= list.length) return;
  // From one step to the next the page does not ask over unsaved changes (a lever moved during a
  // step); the user's own scenario is asked for, and every step can be undone.
  const outcome = openText(shipped_scenario(list[index].file), { askFirst: presenter.step < 0 });
  if (!outcome?.ok) { renderAll(); return; }
  presenter.step = index;
  presenter.stepDepth = history.undo.length;
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

// The share link's QR code, large, drawn for the scenario as it is now. Not while the room predicts:
// a phone that scans it would show the answer.
function renderQr() {
  $('p-qr').hidden = !presenter.qr;
  if (!presenter.qr) return;
  if (presenter.predicting) {
    $('p-qr-image').hidden = true;
    $('p-qr').dataset.url = '';
    $('p-qr-note').textContent = t('p_qr_after_reveal');
    return;
  }
  const url = shareUrl();
  if ($('p-qr').dataset.url !== url) {
    $('p-qr').dataset.url = url;
    showQr(url, $('p-qr-image'), $('p-qr-note'));
  }
}

function toggleQr() {
  presenter.qr = !presenter.qr;
  $('p-qr').dataset.url = '';
  renderQr();
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
  p: () => { if (presenter.step > 0) openStep(presenter.step - 1); },
  PageUp: () => { if (presenter.step > 0) openStep(presenter.step - 1); },
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
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const action = KEYS[key];
    if (!action) return;
    event.preventDefault();
    // A key held down repeats only where repeating means something: moving the lever or the charts.
    if (event.repeat && !key.startsWith('Arrow')) return;
    action();
  });
  window.addEventListener('resize', () => { if (presenter.on) renderPresenter(); });
}

// The presenter's charts: `shown` of them from chart `first`, stacked, together filling the area
// (each between 4:3 and 2.2:1, so the plot stays readable); on a narrow screen, where the presenter
// scrolls, each as wide as the screen at 16:9.
function drawCharts(first, shown) {
  const box = $('p-charts');
  while (box.children.length < shown) box.append(el('canvas', { role: 'img' }));
  while (box.children.length > shown) box.lastChild.remove();
  const ratio = window.devicePixelRatio || 1;
  const room = box.getBoundingClientRect();
  const narrow = window.matchMedia('(max-width: 700px)').matches;
  const tall = narrow ? Math.round(room.width * 9 / 16) : Math.max(180, Math.floor((room.height - 8 * (shown - 1)) / shown));
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
function renderRows(first, last) {
  const answer = JSON.parse(state.sandbox.presenter(first, last, JSON.stringify({ lang: state.lang, wan: true })));
  setText($('p-year'), `${answer.year ?? ''}`);
  $('p-rows').replaceChildren(...answer.rows.map((row) => {
    const hidden = presenter.predicting;
    const mark = hidden || row.met === null ? '' : row.met ? ' ✓' : ' ✗';
    return el('tr', { class: hidden || row.met === null ? '' : row.met ? 'met' : 'unmet' },
      el('th', { text: row.name }),
      el('td', { class: 'base', text: row.base }),
      el('td', {}, el('div', { class: 'now', text: hidden ? '?' : `${row.now}${mark}` }),
        el('div', { class: 'change', text: hidden ? '' : row.change })));
  }));
}

export function renderPresenter() {
  if (!presenter.on || !state.view) return;
  // The step's opening undone: the scenario on screen is no longer the step's, so the step is left.
  if (presenter.step >= 0 && history.undo.length < presenter.stepDepth) {
    presenter.step = -1;
    setPredicting(false);
  }
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
  renderRows(presenter.chart, presenter.two ? (presenter.chart + 1) % charts : presenter.chart);
  const second = (presenter.chart + 1) % charts;
  setText($('p-chart-of'), `${presenter.chart + 1}${presenter.two && second !== presenter.chart ? `, ${second + 1}` : ''} / ${charts}`);
  renderQr();
  remember();
}
