// 医共体政策沙盘: the page. The Rust core (www/pkg, built by scripts/build-web.sh) holds the scenario,
// validates every change, runs the model and draws the charts; this script builds the controls and
// tables, coalesces bursts of lever moves, keeps the work in local storage and exposes window.ygt.
// Text from scenario files is only ever shown with textContent, never parsed as markup.

import init, { Sandbox, shipped_scenarios, shipped_scenario, decode_share, new_county, import_spreadsheet, table_for_clipboard } from './pkg/ygt.js';

const STORE_KEY = 'ygt.working.v1';
const LANG_KEY = 'ygt.lang';

const UI = {
  zh: {
    app_title: '医共体政策沙盘', undo: '撤销', redo: '重做', other_tab: '另一个标签页也在编辑工作副本;本页的修改另存,不会覆盖对方(刷新后打开的是最后保存的那一份)。', open: '打开', save: '保存', share: '复制分享链接', reset: '重置为基线', close: '关闭',
    editing: '编辑:', mode_reform: '改革方案', mode_baseline: '今天(基线)', levers: '政策杠杆', assumptions: '行为与环境假设',
    assumptions_note: '以下是假设,不是政策:改变它们可以看出结果在多大程度上依赖于假设。',
    scorecard: '指标记分卡', copy_table: '复制表格', in_wan: '金额以万元显示', ledger: '年度账目',
    lang_button: 'English', shipped: '示例方案…', saved: '已保存', unsaved: '有未保存的修改', autosave_failed: '无法自动保存(本地存储已满或被禁用)',
    confirm_replace: '当前方案有未保存的修改,打开新的方案会替换它。继续吗?',
    link_copied: '分享链接已复制。', balanced: '来源 = 去向,账目平衡', not_balanced: '账目不平衡',
    sources: '来源', uses: '去向', total: '合计', indicator: '指标', baseline: '基线', change: '变化', target: '目标',
    by_year: '逐年', one_value: '统一', documented: '文件规定', plausible: '合理范围', source: '来源', outside: '超出范围',
    refused: '已拒绝', not_utf8: '文件不是 UTF-8 编码(可能是 GBK);请在编辑器中另存为 UTF-8 后再打开。',
    utf16: '文件是 UTF-16 编码;请另存为 UTF-8 后再打开。', opened_default: '未能恢复上次的工作,已打开默认方案;上次的文本保存在浏览器的 ygt.recovered 中。',
    year: '年', unit_wan: '万元', unit_yuan: '元', pp: '个百分点',
    tab_policy: '政策与假设', tab_county: '县情', new_county: '按常住人口新建县', new_county_note: '只需常住人口:其余输入按全国比例估算并标为估计值,请逐项替换为本县数据。',
    county_name: '县名', population: '常住人口', create: '新建', estimated_note: '黄底为估计值,输入本县数据后标记消失。', estimated: '估计值',
    county: '县', base_year: '基础数据年份', horizon_years: '预测年数', government_per_capita_yuan: '人均财政补助(元,逐年以逗号分隔)',
    individual_per_capita_yuan: '人均个人缴费(元,逐年以逗号分隔)', reimbursement_outpatient: '门诊报销比例', reimbursement_inpatient: '住院报销比例',
    places: { village: '村', township: '乡镇', county: '县级', outside: '县外' }, tiers: { county: '县级医院', township: '乡镇卫生院', village: '村卫生室' },
    community: '医共体', out_of_county: '县域外就医', institutions: '成员机构', lead: '牵头医院', remove: '删除', add_community: '+ 新增医共体',
    add: '+ ', name: '名称', tier: '层级',
    spreadsheet: '表格模板(Excel / WPS)', spreadsheet_note: '下载模板(已填入当前县情),在 Excel 或 WPS 中填写后导入;有错误的单元格会逐一列出,全部正确才会导入。', template_xlsx: '下载模板 .xlsx', template_csv: '下载模板 CSV', import_sheet: '导入表格',
  },
  en: {
    app_title: 'Medical-community sandbox', undo: 'Undo', redo: 'Redo', other_tab: 'Another tab is editing the working copy too; this tab keeps its changes separately and does not overwrite it (a reload opens the copy saved last).', open: 'Open', save: 'Save', share: 'Share link', reset: 'Reset', close: 'Close',
    editing: 'Editing:', mode_reform: 'the reform', mode_baseline: 'today (baseline)', levers: 'Policy levers', assumptions: 'Behavioural and environmental assumptions',
    assumptions_note: 'These are assumptions, not policy: change them to see how much a result depends on them.',
    scorecard: 'Scorecard', copy_table: 'Copy table', in_wan: 'money in 10k yuan', ledger: 'Ledger of the year',
    lang_button: '中文', shipped: 'Examples…', saved: 'saved', unsaved: 'unsaved changes', autosave_failed: 'cannot autosave (local storage full or disabled)',
    confirm_replace: 'The current scenario has unsaved changes; opening another replaces it. Continue?',
    link_copied: 'Share link copied.', balanced: 'sources = uses, the books balance', not_balanced: 'the books do not balance',
    sources: 'sources', uses: 'uses', total: 'total', indicator: 'indicator', baseline: 'baseline', change: 'change', target: 'target',
    by_year: 'by year', one_value: 'one value', documented: 'documented', plausible: 'plausible', source: 'source', outside: 'outside range',
    refused: 'refused', not_utf8: 'The file is not UTF-8 (perhaps GBK); save it as UTF-8 in an editor and open it again.',
    utf16: 'The file is UTF-16; save it as UTF-8 and open it again.', opened_default: 'Could not restore the last work; the default scenario is open. The last text is kept in the browser under ygt.recovered.',
    year: '', unit_wan: '10k yuan', unit_yuan: 'yuan', pp: 'points',
    tab_policy: 'Policy & assumptions', tab_county: 'County', new_county: 'New county from its population', new_county_note: 'Only the resident population: every other input is estimated from national ratios and marked, until you enter the county\'s own figures.',
    county_name: 'county name', population: 'resident population', create: 'Create', estimated_note: 'Yellow inputs are estimates; entering the county\'s own figure removes the mark.', estimated: 'estimate',
    county: 'County', base_year: 'base-data year', horizon_years: 'years projected', government_per_capita_yuan: 'government financing per insured (yuan, by year, comma-separated)',
    individual_per_capita_yuan: 'individual contribution per insured (yuan, by year, comma-separated)', reimbursement_outpatient: 'outpatient reimbursement rate', reimbursement_inpatient: 'inpatient reimbursement rate',
    places: { village: 'village', township: 'township', county: 'county', outside: 'outside' }, tiers: { county: 'county hospital', township: 'township centre', village: 'village clinic' },
    community: 'Community', out_of_county: 'out-of-county care', institutions: 'Member institutions', lead: 'lead hospital', remove: 'Remove', add_community: '+ Add a community',
    add: '+ ', name: 'name', tier: 'tier',
    spreadsheet: 'Spreadsheet template (Excel / WPS)', spreadsheet_note: 'Download the template (filled with the current county), fill it in Excel or WPS and import it; every bad cell is listed, and nothing is imported until all are right.', template_xlsx: 'Template .xlsx', template_csv: 'Template CSV', import_sheet: 'Import spreadsheet',
  },
};


let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
let sandbox = null;
let controls = null;
let results = null;
let mode = 'reform';
let savedText = null;
let diagnostics = [];
let refused = new Map();          // path -> the text the user typed that was refused (kept, not lost)
let pending = new Map();          // path -> value waiting for the next flush
let waiters = [];
let flushScheduled = false;
let storageProblem = false;
// Undo and redo: the scenario text before each change (at most 200 steps).
const undoStack = [];
const redoStack = [];
// Two tabs: this tab's identity, and whether another tab has written the working copy since.
// This tab's identity survives a reload (sessionStorage is per tab), so a reload finds the tab's own copy.
const TAB_ID = (() => {
  try {
    const known = sessionStorage.getItem('ygt.tab');
    if (known) return known;
    const fresh = Math.random().toString(36).slice(2);
    sessionStorage.setItem('ygt.tab', fresh);
    return fresh;
  } catch {
    return Math.random().toString(36).slice(2);
  }
})();
const TAB_KEY = `${STORE_KEY}.tab-${TAB_ID}`;
// A tab's separate copy not written for this long is removed at start (its tab is long gone).
const TAB_COPY_DAYS = 14;
const RECOVERED_KEY = 'ygt.recovered';
let sharedWithAnotherTab = false;

const $ = (id) => document.getElementById(id);
const t = (key) => UI[lang][key] ?? key;
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
};
const label = (item) => (lang === 'zh' ? item.zh : item.en);

// ---------- exact number formatting (money arrives as decimal strings; no float touches yuan) ----------

function groupDigits(text) {
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (fraction !== undefined ? '.' + fraction : '');
}

// A decimal string of yuan ("-1234.5") as a whole number of fen (BigInt), exactly.
function fenOf(text) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const fen = BigInt(whole + (fraction + '00').slice(0, 2));
  return negative ? -fen : fen;
}

// "12345678.90" yuan -> "1,234.57" 万元, rounded half away from zero, exactly (BigInt on fen).
function toWan(text) {
  const negative = text.startsWith('-');
  const fen = negative ? -fenOf(text) : fenOf(text);
  const hundredths = (fen * 2n + 10000n) / 20000n; // fen / 10000, rounded half up on the magnitude
  const digits = hundredths.toString().padStart(3, '0');
  const out = digits.slice(0, -2) + '.' + digits.slice(-2);
  return (negative && hundredths !== 0n ? '-' : '') + groupDigits(out);
}

function formatMoney(text) {
  return $('wan').checked ? toWan(text) : groupDigits(text);
}

function formatValue(kind, value) {
  if (kind === 'money') return formatMoney(value);
  if (kind === 'ratio') return Number(value).toFixed(2);
  return (Number(value) * 100).toFixed(2) + '%';
}

// ---------- storage: the working scenario survives reloads and crashes ----------

// The stored working copy under `key`: null when there is none; { corrupted } when what is there cannot be
// read (it is then kept under RECOVERED_KEY, never silently overwritten).
function readStore(key = STORE_KEY) {
  let raw = null;
  try { raw = localStorage.getItem(key); } catch { return null; }
  if (raw === null) return null;
  try {
    const entry = JSON.parse(raw);
    if (entry && typeof entry.text === 'string') return entry;
  } catch { /* corrupted: kept below */ }
  try { localStorage.setItem(RECOVERED_KEY, raw); } catch { /* nothing more to keep it in */ }
  return { corrupted: true };
}

// Removes other tabs' copies not written for TAB_COPY_DAYS.
function forgetOldTabCopies() {
  try {
    const now = Date.now();
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(`${STORE_KEY}.tab-`) || key === TAB_KEY) continue;
      const entry = readStore(key);
      const at = entry && typeof entry.at === 'number' ? entry.at : 0;
      if (now - at > TAB_COPY_DAYS * 86400000) localStorage.removeItem(key);
    }
  } catch { /* storage unavailable: nothing to clean */ }
}

function autosave() {
  try {
    const key = sharedWithAnotherTab ? TAB_KEY : STORE_KEY;
    localStorage.setItem(key, JSON.stringify({ text: sandbox.scenario(), savedText, tab: TAB_ID, at: Date.now() }));
    storageProblem = false;
  } catch {
    storageProblem = true;
  }
  renderSaveState();
}

function isDirty() {
  return sandbox !== null && savedText !== sandbox.scenario();
}

function renderSaveState() {
  const state = $('save-state');
  state.textContent = storageProblem ? t('autosave_failed') : isDirty() ? t('unsaved') : t('saved');
  state.className = 'state' + (storageProblem || isDirty() ? ' unsaved' : '');
  state.title = sharedWithAnotherTab ? t('other_tab') : '';
  $('undo').disabled = undoStack.length === 0;
  $('redo').disabled = redoStack.length === 0;
}

// Records the text a successful change replaced, so it can be undone.
function remember(previous) {
  if (previous === null || previous === sandbox.scenario()) return;
  undoStack.push(previous);
  if (undoStack.length > 200) undoStack.shift();
  redoStack.length = 0;
}

function travel(from, to) {
  if (from.length === 0) return;
  const current = sandbox.scenario();
  const target = from.pop();
  const outcome = JSON.parse(sandbox.load(target));
  if (outcome.ok) {
    to.push(current);
    refused.clear();
    showDiagnostics(outcome.diagnostics);
    autosave();
    renderAll();
  }
}

// ---------- diagnostics ----------

function showDiagnostics(list) {
  diagnostics = list || [];
  const box = $('diagnostics');
  box.replaceChildren();
  for (const d of diagnostics) {
    const message = lang === 'zh' ? d.message_zh : d.message_en;
    const line = el('div', { class: d.severity });
    line.append(el('span', { class: 'path', text: d.path || (lang === 'zh' ? '文件' : 'file') }));
    if (d.value) line.append(` = ${d.value}`);
    line.append(`: ${message}`);
    box.append(line);
  }
}

// ---------- controls ----------

function niceStep(span) {
  const raw = span / 200;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
}

function sliderRange(spec) {
  const min = Number(spec.min);
  const max = Number(spec.max);
  if (!spec.usual) return [min, max];
  const high = Number(spec.usual[1]);
  return [min, Math.min(max, high > 0 ? high * 2 : max)];
}

function currentValues(spec) {
  return spec.values ?? (mode === 'reform' ? spec.reform : spec.baseline);
}

function controlPath(spec, isLever) {
  return isLever ? `${mode}.${spec.key}` : `assumptions.${spec.key}`;
}

function buildControl(spec, isLever) {
  const path = controlPath(spec, isLever);
  const values = isLever ? currentValues(spec) : [spec.value];
  const container = el('div', { class: 'control', 'data-key': spec.key, 'data-path': path });
  const unit = lang === 'zh' ? spec.unit_zh : spec.unit_en;
  container.append(el('div', { class: 'name', text: label(spec) }));
  const row = el('div', { class: 'row' });
  if (spec.choices.length > 0) {
    const select = el('select', { 'aria-label': label(spec) });
    spec.choices.forEach((choice, index) => select.append(el('option', { value: String(index), text: lang === 'zh' ? choice.zh : choice.en })));
    select.value = String(Number(values[0]));
    select.addEventListener('change', () => requestSet(path, select.value));
    row.append(select);
  } else if (spec.switch) {
    const box = el('input', { type: 'checkbox' });
    box.checked = Number(values[0]) !== 0;
    box.addEventListener('change', () => requestSet(path, box.checked ? 'true' : 'false'));
    row.append(box, el('span', { class: 'unit', text: unit }));
  } else {
    const [lo, hi] = sliderRange(spec);
    const step = spec.whole ? 1 : niceStep(hi - lo);
    const slider = el('input', { type: 'range', min: lo, max: hi, step, 'aria-label': label(spec) });
    const number = el('input', { type: 'number', step: 'any', 'aria-label': label(spec) });
    const typed = refused.get(path);
    number.value = typed ?? values[values.length === 1 ? 0 : 0];
    slider.value = values[0];
    slider.addEventListener('input', () => { number.value = slider.value; changeValue(spec, path, slider.value); });
    number.addEventListener('change', () => { slider.value = number.value; changeValue(spec, path, number.value); });
    row.append(slider, number, el('span', { class: 'unit', text: unit }));
    if (isLever) {
      const toggle = el('button', { class: 'toggle-years', text: values.length > 1 ? t('one_value') : t('by_year') });
      toggle.addEventListener('click', () => {
        const next = values.length > 1 ? values[0] : `[${Array(controls.horizon_years).fill(values[0]).join(', ')}]`;
        requestSet(path, next);
      });
      row.append(toggle);
    }
    if (typed !== undefined) container.classList.add('refused');
  }
  container.append(row);
  if (isLever && values.length > 1) {
    const years = el('div', { class: 'years' });
    values.forEach((value, index) => {
      const input = el('input', { type: 'number', step: 'any', title: `${controls.base_year + index + 1}` });
      input.value = value;
      input.addEventListener('change', () => {
        const inputs = [...years.querySelectorAll('input')].map((i) => i.value.trim() || '0');
        requestSet(path, `[${inputs.join(', ')}]`);
      });
      years.append(input);
    });
    container.append(years);
  }
  const meta = el('div', { class: 'meta' });
  if (spec.usual) {
    const usualText = `${isLever ? t('documented') : t('plausible')} ${spec.usual[0]}–${spec.usual[1]}`;
    const outside = isOutside(spec, values, isLever);
    if (outside) container.classList.add('outside');
    meta.append(el('span', { class: 'usual', text: outside ? `${t('outside')}: ${usualText}` : usualText }), ' · ');
  }
  meta.append(`${t('source')}: ${spec.source}`);
  container.append(meta);
  return container;
}

// A public-health share moved: the township share (or the village share, when the township one moves)
// takes up the difference so the three still add to one, and all three change together.
function changeValue(spec, path, value) {
  if (mode && spec.split && path.startsWith(mode + '.')) {
    const split = spec.split;
    const shares = Object.fromEntries(split.map((key) => [key, Number(currentValues(controls.levers.find((l) => l.key === key))[0])]));
    shares[spec.key] = Number(value);
    const balancer = spec.key === split[1] ? split[2] : split[1];
    const others = split.filter((key) => key !== balancer).reduce((sum, key) => sum + shares[key], 0);
    const rest = Math.round((1 - others) * 1e6) / 1e6;
    if (rest >= 0) {
      requestSet(`${mode}.${balancer}`, String(rest));
    }
  }
  requestSet(path, value);
}

// The shape of the panel: language, mode, and which levers have one value or a value per year. When it
// is unchanged, controls are updated in place (no rebuild, so no relayout of the panel).
let panelShape = '';

function currentPanelShape() {
  return [lang, mode, ...controls.levers.map((spec) => currentValues(spec).length)].join('|');
}

function isOutside(spec, values, isLever) {
  return Boolean(spec.usual) && values.some((v) => !(isLever && Number(v) === 0) && (Number(v) < Number(spec.usual[0]) || Number(v) > Number(spec.usual[1])));
}

function updateControls() {
  for (const node of document.querySelectorAll('#panel .control')) {
    const isLever = node.dataset.path.startsWith(mode + '.');
    const spec = (isLever ? controls.levers : controls.assumptions).find((s) => s.key === node.dataset.key);
    if (!spec) continue;
    const values = isLever ? currentValues(spec) : [spec.value];
    const typed = refused.get(node.dataset.path);
    node.classList.toggle('refused', typed !== undefined);
    node.classList.toggle('outside', isOutside(spec, values, isLever));
    const checkbox = node.querySelector('input[type=checkbox]');
    if (checkbox) checkbox.checked = Number(values[0]) !== 0;
    const select = node.querySelector('.row select');
    if (select && document.activeElement !== select) select.value = String(Number(values[0]));
    const number = node.querySelector('.row input[type=number]');
    if (number && document.activeElement !== number) number.value = typed ?? values[0];
    const slider = node.querySelector('input[type=range]');
    if (slider && document.activeElement !== slider) slider.value = values[0];
    node.querySelectorAll('.years input').forEach((input, index) => { if (document.activeElement !== input) input.value = values[index]; });
    const usual = node.querySelector('.usual');
    if (usual && spec.usual) {
      const usualText = `${isLever ? t('documented') : t('plausible')} ${spec.usual[0]}–${spec.usual[1]}`;
      usual.textContent = isOutside(spec, values, isLever) ? `${t('outside')}: ${usualText}` : usualText;
    }
  }
}

function renderControls() {
  const shape = currentPanelShape();
  if (shape === panelShape && document.querySelector('#panel .control')) {
    updateControls();
    return;
  }
  panelShape = shape;
  const leverBox = document.querySelector('#levers .controls');
  leverBox.replaceChildren();
  // Levers in the core's order, under the heading of each group the core declares.
  let group = null;
  for (const spec of controls.levers) {
    if (spec.group !== group) {
      group = spec.group;
      leverBox.append(el('h3', { class: 'note', text: lang === 'zh' ? spec.group_zh : spec.group_en }));
    }
    leverBox.append(buildControl(spec, true));
  }
  const assumptionBox = document.querySelector('#assumptions .controls');
  assumptionBox.replaceChildren(...controls.assumptions.map((spec) => buildControl(spec, false)));
}

// ---------- the county editor (县情) ----------

let editor = null;

function problemFor(path) {
  return diagnostics.find((d) => d.severity === 'error' && d.path === path);
}

// One labelled input. `path` is the --set path; text fields are sent as TOML strings.
function field({ path, label: text, value, unit, kind = 'number', options = null }) {
  const box = el('label', { class: 'field', 'data-path': path });
  box.append(el('span', { text: unit ? `${text} (${unit})` : text }));
  let input;
  if (options) {
    input = el('select');
    for (const [optionValue, optionText] of options) input.append(el('option', { value: optionValue, text: optionText }));
  } else {
    input = el('input', kind === 'number' ? { type: 'number', step: 'any' } : { type: 'text' });
  }
  box.append(input);
  box.append(el('span', { class: 'problem' }));
  input.addEventListener('change', () => {
    const raw = input.value.trim();
    const toml = kind === 'text' || options ? JSON.stringify(raw) : kind === 'list' ? `[${raw}]` : raw;
    requestSet(path, toml);
  });
  fillField(box, value);
  return box;
}

function fillField(box, value) {
  const input = box.querySelector('input, select');
  const path = box.dataset.path;
  const typed = refused.get(path);
  if (document.activeElement !== input) input.value = typed !== undefined ? typed.replace(/^"(.*)"$/, '$1').replace(/^\[(.*)\]$/, '$1') : value;
  box.classList.toggle('estimated', editor.estimated_fields.includes(path));
  box.title = editor.estimated_fields.includes(path) ? t('estimated') : '';
  box.classList.toggle('refused', typed !== undefined);
  const problem = problemFor(path);
  box.querySelector('.problem').textContent = problem ? (lang === 'zh' ? problem.message_zh : problem.message_en) : '';
}

function editorShape() {
  return [lang, ...editor.communities.map((c) => c.institutions.length)].join('|');
}

function structural(change) {
  const previous = sandbox.scenario();
  const outcome = JSON.parse(change());
  showDiagnostics(outcome.diagnostics);
  if (outcome.ok) {
    remember(previous);
    autosave();
  }
  renderAll();
}

function buildCountyEditor() {
  const box = $('county-editor');
  box.replaceChildren();
  const county = editor.county;
  const countySection = el('div', { class: 'community' }, el('div', { class: 'head' }, el('strong', { text: t('county') })));
  const grid = el('div', { class: 'grid' });
  grid.append(
    field({ path: 'county.name', label: t('name'), value: county.name, kind: 'text' }),
    field({ path: 'county.base_year', label: t('base_year'), value: county.base_year }),
    field({ path: 'county.horizon_years', label: t('horizon_years'), value: county.horizon_years }),
    field({ path: 'county.government_per_capita_yuan', label: t('government_per_capita_yuan'), value: county.government_per_capita_yuan.join(', '), kind: 'list' }),
    field({ path: 'county.individual_per_capita_yuan', label: t('individual_per_capita_yuan'), value: county.individual_per_capita_yuan.join(', '), kind: 'list' }),
  );
  for (const care of ['outpatient', 'inpatient']) {
    for (const place of ['village', 'township', 'county', 'outside']) {
      grid.append(field({ path: `county.reimbursement.${care}.${place}`, label: `${t('reimbursement_' + care)} · ${t('places')[place]}`, value: county.reimbursement[care][place] }));
    }
  }
  countySection.append(grid);
  box.append(countySection);

  editor.communities.forEach((community, c) => {
    const section = el('div', { class: 'community', 'data-community': c });
    const remove = el('button', { text: t('remove') });
    remove.addEventListener('click', () => structural(() => sandbox.remove_community(c)));
    const name = field({ path: `communities.${c}.name`, label: t('community'), value: community.name, kind: 'text' });
    section.append(el('div', { class: 'head' }, name, remove));
    const grid = el('div', { class: 'grid' });
    for (const spec of editor.fields.community) {
      grid.append(field({ path: `communities.${c}.${spec.key}`, label: label(spec), value: community[spec.key], unit: lang === 'zh' ? spec.unit_zh : spec.unit_en }));
    }
    for (const spec of editor.fields.out_of_county) {
      grid.append(field({ path: `communities.${c}.out_of_county.${spec.key}`, label: label(spec), value: community.out_of_county[spec.key], unit: lang === 'zh' ? spec.unit_zh : spec.unit_en }));
    }
    section.append(grid, el('h3', { class: 'note', text: t('institutions') }));
    community.institutions.forEach((institution, i) => {
      const path = `communities.${c}.institutions.${i}`;
      const entry = el('div', { class: 'institution', 'data-institution': i });
      const tierOptions = ['county', 'township', 'village'].map((tier) => [tier, t('tiers')[tier]]);
      const lead = el('input', { type: 'radio', name: `lead-${c}`, title: t('lead') });
      lead.checked = institution.lead;
      lead.addEventListener('change', () => {
        community.institutions.forEach((other, j) => { if (other.lead) requestSet(`communities.${c}.institutions.${j}.lead`, 'false'); });
        requestSet(`${path}.lead`, 'true');
      });
      const removeInstitution = el('button', { text: t('remove') });
      removeInstitution.addEventListener('click', () => structural(() => sandbox.remove_institution(c, i)));
      entry.append(el('div', { class: 'head' },
        field({ path: `${path}.name`, label: t('name'), value: institution.name, kind: 'text' }),
        field({ path: `${path}.tier`, label: t('tier'), value: institution.tier, options: tierOptions }),
        el('label', { class: 'field' }, el('span', { text: t('lead') }), lead),
        removeInstitution));
      const fields = el('div', { class: 'grid' });
      for (const spec of editor.fields.institution) {
        fields.append(field({ path: `${path}.${spec.key}`, label: label(spec), value: institution[spec.key], unit: lang === 'zh' ? spec.unit_zh : spec.unit_en }));
      }
      entry.append(fields);
      section.append(entry);
    });
    const adds = el('div', { class: 'add-row' });
    for (const tier of ['county', 'township', 'village']) {
      const button = el('button', { text: t('add') + t('tiers')[tier], 'data-add': tier });
      button.addEventListener('click', () => structural(() => sandbox.add_institution(c, tier)));
      adds.append(button);
    }
    section.append(adds);
    box.append(section);
  });
  const addCommunity = el('button', { id: 'add-community', text: t('add_community') });
  addCommunity.addEventListener('click', () => structural(() => sandbox.add_community()));
  box.append(addCommunity);
}

function renderCounty() {
  editor = JSON.parse(sandbox.editor());
  const box = $('county-editor');
  if (box.dataset.shape !== editorShape()) {
    box.dataset.shape = editorShape();
    buildCountyEditor();
    return;
  }
  // Same structure: refresh values, estimate marks and problems in place.
  const values = new Map();
  const county = editor.county;
  values.set('county.name', county.name);
  values.set('county.base_year', county.base_year);
  values.set('county.horizon_years', county.horizon_years);
  values.set('county.government_per_capita_yuan', county.government_per_capita_yuan.join(', '));
  values.set('county.individual_per_capita_yuan', county.individual_per_capita_yuan.join(', '));
  for (const care of ['outpatient', 'inpatient']) for (const place of Object.keys(county.reimbursement[care])) values.set(`county.reimbursement.${care}.${place}`, county.reimbursement[care][place]);
  editor.communities.forEach((community, c) => {
    values.set(`communities.${c}.name`, community.name);
    for (const spec of editor.fields.community) values.set(`communities.${c}.${spec.key}`, community[spec.key]);
    for (const spec of editor.fields.out_of_county) values.set(`communities.${c}.out_of_county.${spec.key}`, community.out_of_county[spec.key]);
    community.institutions.forEach((institution, i) => {
      for (const key of ['name', 'tier', ...editor.fields.institution.map((f) => f.key)]) values.set(`communities.${c}.institutions.${i}.${key}`, institution[key]);
    });
  });
  for (const node of box.querySelectorAll('.field[data-path]')) {
    if (values.has(node.dataset.path)) fillField(node, values.get(node.dataset.path));
  }
  box.querySelectorAll('input[type=radio]').forEach((radio) => {
    const c = Number(radio.closest('.community').dataset.community);
    const i = Number(radio.closest('.institution').dataset.institution);
    radio.checked = Boolean(editor.communities[c]?.institutions[i]?.lead);
  });
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadTemplate(kind) {
  if (kind === 'xlsx') {
    download('县情模板.xlsx', new Blob([sandbox.template_xlsx()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  } else {
    for (const file of JSON.parse(sandbox.template_csv())) download(file.name, new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  }
}

// A CSV file's bytes as UTF-8 for the core, and a note when they were something else: Chinese Excel and
// WPS save "CSV" in GB18030 (GBK), which the browser decodes; UTF-16 ("Unicode text") the core reads.
function csvAsUtf8(name, bytes) {
  const isWorkbook = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isWorkbook) return { bytes, note: null };
  if (isUtf16) return { bytes, note: 'UTF-16' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { bytes, note: null };
  } catch {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      return { bytes: new TextEncoder().encode(text), note: 'GB18030 (GBK)' };
    } catch {
      return { bytes, note: null };
    }
  }
}

async function importSpreadsheet(files) {
  const names = [];
  const contents = [];
  const notes = [];
  for (const file of files) {
    const decoded = csvAsUtf8(file.name, new Uint8Array(await file.arrayBuffer()));
    names.push(file.name);
    contents.push(decoded.bytes);
    if (decoded.note) {
      notes.push({ severity: 'warning', path: file.name, value: decoded.note,
        message_zh: `此 CSV 文件不是 UTF-8,已按 ${decoded.note} 读取:请核对中文名称是否正确`,
        message_en: `this CSV file is not UTF-8; it was read as ${decoded.note}: check that the Chinese names came through` });
    }
  }
  // The sheet's county goes into the current scenario: the reform, assumptions and title stay, and so do
  // the estimate marks of values the sheet did not change.
  const outcome = JSON.parse(import_spreadsheet(names, contents, sandbox.scenario()));
  if (!outcome.ok) {
    showDiagnostics(outcome.diagnostics);
    return outcome;
  }
  const opened = openText(outcome.text, { askFirst: false, fromFile: false }) ?? outcome;
  const listed = outcome.changed.slice(0, 10).join(', ') + (outcome.changed.length > 10 ? ' …' : '');
  showDiagnostics([...diagnostics, ...notes, ...(outcome.notes ?? []), { severity: 'warning', path: names.join(', '), value: '',
    message_zh: `已导入县情:${outcome.changed.length} 项数值改变${listed ? ':' + listed : ''};改革方案、假设和标题不变`,
    message_en: `county imported: ${outcome.changed.length} value(s) changed${listed ? ': ' + listed : ''}; the reform, assumptions and title are kept` }]);
  return opened;
}

function createCounty() {
  const population = Number($('new-population').value);
  const name = $('new-name').value.trim() || (lang === 'zh' ? '新县' : 'New county');
  if (!(population >= 10000 && population <= 50000000)) {
    showDiagnostics([{ severity: 'error', path: 'population', value: $('new-population').value,
      message_zh: '常住人口应为 10000 到 50000000 之间的整数', message_en: 'the resident population is a whole number from 10000 to 50000000' }]);
    return;
  }
  openText(new_county(name, population), { fromFile: false });
}

// ---------- charts ----------

function renderCharts() {
  const box = $('charts');
  const count = sandbox.chart_count();
  while (box.children.length < count) box.append(el('canvas', { role: 'img' }));
  const ratio = window.devicePixelRatio || 1;
  for (let index = 0; index < count; index++) {
    const canvas = box.children[index];
    canvas.setAttribute('data-chart', sandbox.chart_key(index));
    const width = Math.max(320, Math.round(canvas.clientWidth * ratio));
    const height = Math.round(width * 9 / 16);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    sandbox.draw_chart(index, canvas, lang);
  }
}

// ---------- tables ----------

function targetMet(key, yearIndex) {
  const value = Number(results.years[yearIndex].indicators[key]);
  if (key === 'county_consultation_rate') return value >= 0.9;
  if (key === 'primary_outpatient_share') return value >= Number(results.baseline.years[0].indicators[key]) + 0.05 - 1e-12;
  return null;
}

function scorecardRows() {
  const years = results.years.map((y) => String(y.year));
  const rows = [[t('indicator'), ...years]];
  for (const indicator of controls.indicators) {
    const cells = [label(indicator)];
    results.years.forEach((year, i) => {
      const now = year.indicators[indicator.key];
      const base = results.baseline.years[i].indicators[indicator.key];
      cells.push({ kind: indicator.kind, now, base, met: targetMet(indicator.key, i) });
    });
    rows.push(cells);
  }
  return rows;
}

function changeText(kind, now, base) {
  if (kind === 'money') {
    const diff = fenOf(now) - fenOf(base);
    const abs = diff < 0n ? -diff : diff;
    const text = `${diff < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
    return (diff >= 0n ? '+' : '') + formatMoney(text);
  }
  if (kind === 'ratio') return (Number(now) - Number(base) >= 0 ? '+' : '') + (Number(now) - Number(base)).toFixed(2);
  const points = (Number(now) - Number(base)) * 100;
  return (points >= 0 ? '+' : '') + points.toFixed(2) + ' ' + t('pp');
}

function renderScorecard() {
  const table = $('scorecard');
  const rows = scorecardRows();
  const shape = `${lang}|${rows.length}|${rows[0].join(',')}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    table.replaceChildren();
    const head = el('tr');
    rows[0].forEach((cell) => head.append(el('th', { text: cell })));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    for (const row of rows.slice(1)) {
      const tr = el('tr', {}, el('td', { text: row[0] }));
      for (let i = 1; i < row.length; i++) tr.append(el('td', {}, el('span', { class: 'now' }), el('br'), el('span', { class: 'base' })));
      body.append(tr);
    }
    table.append(body);
  }
  // Fill the values in place: the table keeps its layout while levers move.
  const bodyRows = table.tBodies[0].rows;
  rows.slice(1).forEach((row, r) => {
    row.slice(1).forEach((cell, c) => {
      const td = bodyRows[r].cells[c + 1];
      td.className = cell.met === true ? 'met' : cell.met === false ? 'unmet' : '';
      td.firstChild.textContent = formatValue(cell.kind, cell.now);
      td.lastChild.textContent = `${t('baseline')} ${formatValue(cell.kind, cell.base)} · ${changeText(cell.kind, cell.now, cell.base)}`;
    });
  });
}

function renderLedger() {
  const select = $('ledger-year');
  const chosen = Number(select.value) || results.years[0].year;
  select.replaceChildren(...results.years.map((y) => el('option', { value: y.year, text: String(y.year) })));
  select.value = results.years.some((y) => y.year === chosen) ? chosen : results.years[0].year;
  const year = results.years.find((y) => y.year === Number(select.value));
  const ledger = year.ledger;
  // Rows: each section's totals, then its lines that carry money, then the grand total.
  const rows = [];
  for (const section of controls.ledger_sections) {
    const totals = ledger.sections[section.key];
    rows.push({ key: section.key, name: label(section), source: totals.sources, use: totals.uses, section: true });
    for (const item of controls.ledger_items.filter((i) => i.section === section.key)) {
      const source = ledger.sources[item.key];
      const use = ledger.uses[item.key];
      const amount = source ?? use;
      if (!amount || /^-?0\.00$/.test(amount)) continue;
      rows.push({ key: item.key, name: '  ' + label(item), source, use });
    }
  }
  rows.push({ key: 'total', name: t('total'), source: ledger.total_sources, use: ledger.total_uses, section: true });
  const table = $('ledger');
  const shape = `${lang}|${rows.map((row) => row.key).join(',')}`;
  if (table.dataset.shape !== shape) {
    table.dataset.shape = shape;
    table.replaceChildren(el('thead', {}, el('tr', {}, el('th', { text: '' }), el('th', { text: t('sources') }), el('th', { text: t('uses') }))));
    const body = el('tbody');
    for (const row of rows) body.append(el('tr', row.section ? { class: 'section' } : {}, el('td', { text: row.name }), el('td'), el('td')));
    table.append(body);
  }
  const bodyRows = table.tBodies[0].rows;
  rows.forEach((row, index) => {
    bodyRows[index].cells[1].textContent = row.source ? formatMoney(row.source) : '';
    bodyRows[index].cells[2].textContent = row.use ? formatMoney(row.use) : '';
  });
  const balance = $('ledger-balance');
  balance.textContent = ledger.balanced && ledger.total_sources === ledger.total_uses ? '✓ ' + t('balanced') : '✗ ' + t('not_balanced');
  balance.className = ledger.balanced ? 'ok' : 'bad';
}

function tableText(table) {
  const rows = [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.innerText));
  return table_for_clipboard(JSON.stringify(rows));
}

// ---------- rendering ----------

function renderStatic() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  $('lang').textContent = t('lang_button');
  document.title = t('app_title');
}

function renderShipped() {
  const select = $('shipped');
  select.replaceChildren(el('option', { value: '', text: t('shipped') }), ...JSON.parse(shipped_scenarios()).map((s) => el('option', { value: s.file, text: s.title })));
}

function renderAll() {
  const parsing = performance.now();
  results = JSON.parse(sandbox.summary());
  controls = JSON.parse(sandbox.controls());
  performance.measure('ygt-results', { start: parsing });
  const scenario = results.scenario;
  $('scenario-title').textContent = scenario.reform_title ? `${scenario.title} · ${scenario.reform_title}` : scenario.title;
  let mark = performance.now();
  const step = (name) => { performance.measure(name, { start: mark }); mark = performance.now(); };
  renderControls();
  step('ygt-controls');
  renderCharts();
  step('ygt-charts');
  renderScorecard();
  renderLedger();
  renderSaveState();
  step('ygt-tables');
  if (!$('county-pane').hidden) renderCounty();
}

// ---------- changes: coalesced, validated by the core, never losing what the user had ----------

let requestedAt = 0;

function requestSet(path, value) {
  if (pending.size === 0) requestedAt = performance.now();
  pending.set(path, String(value));
  return new Promise((resolve) => {
    waiters.push(resolve);
    // Changes made in the same task (a script, the three public-health shares) are applied together at
    // the end of the task; Chrome already delivers slider input once per frame, so a drag redraws at
    // most once a frame and never queues work behind itself.
    if (!flushScheduled) {
      flushScheduled = true;
      queueMicrotask(flush);
    }
  });
}

function flush() {
  flushScheduled = false;
  performance.measure('ygt-wait', { start: requestedAt });
  const changes = [...pending.entries()];
  pending = new Map();
  const started = performance.now();
  const previous = sandbox.scenario();
  const outcome = JSON.parse(sandbox.set_many(JSON.stringify(changes)));
  performance.measure('ygt-core', { start: started });
  // Each change is kept or refused on its own: a refused one keeps what the user typed in its field.
  const refusedNow = new Set(outcome.refused || []);
  for (const [path, value] of changes) {
    if (refusedNow.has(path)) refused.set(path, value);
    else refused.delete(path);
  }
  if (refusedNow.size < changes.length) {
    remember(previous);
    autosave();
  }
  showDiagnostics(outcome.diagnostics);
  const rendering = performance.now();
  renderAll();
  performance.measure('ygt-render', { start: rendering });
  const done = waiters;
  waiters = [];
  done.forEach((resolve) => resolve(outcome));
}

function openText(text, { askFirst = true, fromFile = true } = {}) {
  if (askFirst && isDirty() && !window.confirm(t('confirm_replace'))) return null;
  const previous = sandbox.scenario();
  const outcome = JSON.parse(sandbox.load(text));
  showDiagnostics(outcome.diagnostics);
  if (outcome.ok) {
    remember(previous);
    savedText = fromFile ? sandbox.scenario() : null;
    refused.clear();
    autosave();
    renderAll();
  }
  return outcome;
}

function decodeFileBytes(buffer) {
  const bytes = new Uint8Array(buffer);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Error(t('utf16'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(t('not_utf8'));
  }
}

async function openFile(file) {
  try {
    const text = decodeFileBytes(await file.arrayBuffer());
    openText(text);
  } catch (error) {
    showDiagnostics([{ severity: 'error', path: file.name, value: '', message_zh: error.message, message_en: error.message }]);
  }
}

function saveFile() {
  const text = sandbox.scenario();
  const name = (results.scenario.title || 'scenario').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) + '.toml';
  download(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  savedText = text;
  autosave();
}

function shareLink() {
  const url = `${location.origin}${location.pathname}#${sandbox.share_fragment()}`;
  $('share-link').value = url;
  $('share-box').hidden = false;
  $('share-link').select();
  navigator.clipboard?.writeText(url).then(() => {}, () => {});
  return url;
}

// ---------- start ----------

// The problems that keep `text` from opening, or null when it opens.
function refusal(text) {
  try {
    new Sandbox(text).free();
    return null;
  } catch (error) {
    try { return JSON.parse(error.message); } catch { return [{ severity: 'error', path: '', value: '', message_zh: String(error.message), message_en: String(error.message) }]; }
  }
}

function startingText() {
  forgetOldTabCopies();
  // This tab's own copy (kept apart after another tab wrote the shared one) comes first after a reload.
  const own = readStore(TAB_KEY);
  if (own && !own.corrupted) sharedWithAnotherTab = true;
  let stored = own && !own.corrupted ? own : readStore();
  if (stored && stored.corrupted) {
    showDiagnostics([{ severity: 'error', path: '', value: '', message_zh: UI.zh.opened_default, message_en: UI.en.opened_default }]);
    stored = null;
  }
  const hash = location.hash;
  if (hash.startsWith('#s1.') || hash.startsWith('#s')) {
    // A link is checked before anything is replaced: a refused link leaves the work as it was, says why,
    // and stays in the address bar; only a link that opens is taken out of it.
    const decoded = JSON.parse(decode_share(hash));
    const problems = decoded.ok ? refusal(decoded.text) : decoded.diagnostics;
    if (problems) {
      showDiagnostics(problems);
    } else {
      history.replaceState(null, '', location.pathname + location.search);
      const unsaved = stored && stored.text !== stored.savedText;
      if (!unsaved || window.confirm(t('confirm_replace'))) return { text: decoded.text, savedText: null };
    }
  }
  if (stored && typeof stored.text === 'string') return { text: stored.text, savedText: stored.savedText ?? null, restored: true };
  return { text: shipped_scenario('henan-county.toml'), savedText: shipped_scenario('henan-county.toml') };
}

function wire() {
  $('open').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', () => { if ($('file').files[0]) openFile($('file').files[0]); $('file').value = ''; });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => { event.preventDefault(); const file = event.dataTransfer?.files?.[0]; if (file) openFile(file); });
  $('save').addEventListener('click', saveFile);
  $('share').addEventListener('click', shareLink);
  $('share-close').addEventListener('click', () => { $('share-box').hidden = true; });
  $('reset').addEventListener('click', () => structural(() => sandbox.reset_reform()));
  $('undo').addEventListener('click', () => travel(undoStack, redoStack));
  $('redo').addEventListener('click', () => travel(redoStack, undoStack));
  window.addEventListener('keydown', (event) => {
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName) && document.activeElement.type !== 'range';
    if (!(event.ctrlKey || event.metaKey) || typing) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) { event.preventDefault(); travel(undoStack, redoStack); }
    if (key === 'y' || (key === 'z' && event.shiftKey)) { event.preventDefault(); travel(redoStack, undoStack); }
  });
  // Another tab wrote the working copy: from now on this tab keeps its own copy and says so.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORE_KEY || event.newValue === null) return;
    // A tab that only opened (or wrote what this tab already has) is no conflict.
    try {
      const written = JSON.parse(event.newValue);
      if (written.tab === TAB_ID || written.text === sandbox.scenario()) return;
    } catch { return; }
    if (!sharedWithAnotherTab) {
      sharedWithAnotherTab = true;
      showDiagnostics([...diagnostics, { severity: 'warning', path: '', value: '', message_zh: UI.zh.other_tab, message_en: UI.en.other_tab }]);
      autosave();
    }
  });
  $('shipped').addEventListener('change', () => {
    const file = $('shipped').value;
    $('shipped').value = '';
    if (file) openText(shipped_scenario(file));
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, lang);
    renderStatic();
    renderShipped();
    showDiagnostics(diagnostics);
    renderAll();
  });
  document.querySelectorAll('input[name=mode]').forEach((radio) => radio.addEventListener('change', () => { mode = radio.value; renderControls(); }));
  $('wan').addEventListener('change', () => { renderScorecard(); renderLedger(); });
  const showPane = (county) => {
    $('county-pane').hidden = !county;
    $('policy-pane').hidden = county;
    $('tab-county').classList.toggle('active', county);
    $('tab-policy').classList.toggle('active', !county);
    if (county) renderCounty();
  };
  $('tab-policy').addEventListener('click', () => showPane(false));
  $('tab-county').addEventListener('click', () => showPane(true));
  $('new-create').addEventListener('click', createCounty);
  $('template-xlsx').addEventListener('click', () => downloadTemplate('xlsx'));
  $('template-csv').addEventListener('click', () => downloadTemplate('csv'));
  $('import-sheet').addEventListener('click', () => $('sheet-file').click());
  $('sheet-file').addEventListener('change', () => { const files = [...$('sheet-file').files]; $('sheet-file').value = ''; if (files.length) importSpreadsheet(files); });
  $('ledger-year').addEventListener('change', renderLedger);
  $('copy-scorecard').addEventListener('click', () => navigator.clipboard?.writeText(tableText($('scorecard'))));
  $('copy-ledger').addEventListener('click', () => navigator.clipboard?.writeText(tableText($('ledger'))));
  let resizeTimer = null;
  window.addEventListener('resize', () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderCharts, 100); });
  window.addEventListener('beforeunload', autosave);
}

let wasm = null;

async function main() {
  wasm = await init();
  renderStatic();
  renderShipped();
  wire();
  const start = startingText();
  try {
    sandbox = new Sandbox(start.text);
    savedText = start.savedText;
  } catch (error) {
    if (start.restored) {
      try { localStorage.setItem(RECOVERED_KEY, start.text); } catch { /* nothing more to keep it in */ }
      showDiagnostics([{ severity: 'error', path: '', value: '', message_zh: UI.zh.opened_default, message_en: UI.en.opened_default }]);
    }
    sandbox = new Sandbox(shipped_scenario('henan-county.toml'));
    savedText = sandbox.scenario();
  }
  autosave();
  renderAll();
  performance.mark('ygt-first-charts');
  document.body.dataset.ready = 'true';
}

// The page API, for scripting and tests (README "Page API").
const ready = main();
window.ygt = {
  ready,
  load: async (text) => { await ready; const outcome = openText(text, { askFirst: false }); return outcome.diagnostics; },
  scenario: () => sandbox.scenario(),
  set: async (path, value) => { await ready; return requestSet(path, value); },
  results: () => JSON.parse(sandbox.results()),
  share: () => shareLink(),
  undo: () => travel(undoStack, redoStack),
  redo: () => travel(redoStack, undoStack),
  memory: () => ({ wasmBytes: wasm.memory.buffer.byteLength }),
};
