// The county (县情) tab: the county editor drawn from the core's editor view (paths, labels, values,
// estimate marks), a new county from its population, and the spreadsheet template.
import { state, scenarioText } from './state.js';
import { $, el, download } from './dom.js';
import { t } from './words.js';
import { showDiagnostics, problemFor } from './diagnostics.js';
import { requestSet, structural, openText } from './changes.js';
import { withinLimit } from './files.js';
import { new_county } from '../pkg/ygt.js';
import { tools } from './tools.js';

// What the user typed, as the value the core takes at the input's path.
function typedValue(input, raw) {
  if (input.kind === 'text' || input.kind === 'tier') return JSON.stringify(raw);
  if (input.kind === 'list') return `[${raw}]`;
  return raw;
}

// One labelled input of the editor.
function field(input, tiers) {
  const box = el('label', { class: 'field', 'data-path': input.path });
  box.append(el('span', { text: input.label }));
  let control;
  if (input.kind === 'tier') {
    control = el('select');
    for (const tier of tiers) control.append(el('option', { value: tier.value, text: tier.label }));
  } else {
    control = el('input', input.kind === 'number' ? { type: 'number', step: 'any' } : { type: 'text' });
  }
  control.addEventListener('change', () => requestSet(input.path, typedValue(input, control.value.trim())));
  box.append(control, el('span', { class: 'problem' }));
  return box;
}

function fill(box, input) {
  const control = box.querySelector('input, select');
  const typed = state.refused.get(input.path);
  if (document.activeElement !== control) {
    control.value = typed !== undefined ? typed.replace(/^"(.*)"$/, '$1').replace(/^\[(.*)\]$/, '$1') : input.value;
  }
  box.classList.toggle('estimated', input.estimated);
  box.title = input.estimated ? t('estimated') : '';
  box.classList.toggle('refused', typed !== undefined);
  const problem = problemFor(input.path);
  box.querySelector('.problem').textContent = problem ? (state.lang === 'zh' ? problem.message_zh : problem.message_en) : '';
}

// Every input of the editor view, in the order the editor draws them.
function inputsOf(editor) {
  const inputs = [...editor.county];
  for (const community of editor.communities) {
    inputs.push(community.name, ...community.fields);
    for (const institution of community.members) inputs.push(institution.name, institution.tier, ...institution.fields);
  }
  return inputs;
}

function build(editor) {
  const box = $('county-editor');
  box.replaceChildren();
  const grid = el('div', { class: 'grid' }, ...editor.county.map((input) => field(input, editor.tiers)));
  box.append(el('div', { class: 'community' }, el('div', { class: 'head' }, el('strong', { text: t('county') })), grid));
  editor.communities.forEach((community, c) => {
    const section = el('div', { class: 'community', 'data-community': c });
    const remove = el('button', { text: t('remove') });
    remove.addEventListener('click', () => structural(() => state.sandbox.remove_community(c)));
    section.append(el('div', { class: 'head' }, field(community.name, editor.tiers), remove));
    section.append(el('div', { class: 'grid' }, ...community.fields.map((input) => field(input, editor.tiers))));
    section.append(el('h3', { class: 'note', text: t('members_heading') }));
    community.members.forEach((institution, i) => {
      const entry = el('div', { class: 'institution', 'data-institution': i });
      const lead = el('input', { type: 'radio', name: `lead-${c}`, title: t('lead'), 'data-path': institution.lead.path });
      lead.addEventListener('change', () => requestSet(institution.lead.path, 'true'));
      const removeInstitution = el('button', { text: t('remove') });
      removeInstitution.addEventListener('click', () => structural(() => state.sandbox.remove_institution(c, i)));
      entry.append(el('div', { class: 'head' },
        field(institution.name, editor.tiers), field(institution.tier, editor.tiers),
        el('label', { class: 'field' }, el('span', { text: t('lead') }), lead), removeInstitution));
      entry.append(el('div', { class: 'grid' }, ...institution.fields.map((input) => field(input, editor.tiers))));
      section.append(entry);
    });
    const adds = el('div', { class: 'add-row' });
    for (const add of editor.add) {
      const button = el('button', { text: add.label, 'data-add': add.tier });
      button.addEventListener('click', () => structural(() => state.sandbox.add_institution(c, add.tier)));
      adds.append(button);
    }
    section.append(adds);
    box.append(section);
  });
  const addCommunity = el('button', { id: 'add-community', text: t('add_community') });
  addCommunity.addEventListener('click', () => structural(() => state.sandbox.add_community()));
  box.append(addCommunity);
}

export function renderCounty(editor) {
  const box = $('county-editor');
  const shape = [state.lang, ...editor.communities.map((c) => c.members.length)].join('|');
  if (box.dataset.shape !== shape) {
    box.dataset.shape = shape;
    build(editor);
  }
  const boxes = box.querySelectorAll('.field[data-path]');
  inputsOf(editor).forEach((input, index) => fill(boxes[index], input));
  for (const community of editor.communities) {
    for (const institution of community.members) {
      const radio = box.querySelector(`input[type=radio][data-path="${CSS.escape(institution.lead.path)}"]`);
      if (radio) radio.checked = institution.lead.checked;
    }
  }
}

export function createCounty() {
  const outcome = JSON.parse(new_county($('new-name').value, $('new-population').value));
  if (!outcome.ok) {
    showDiagnostics(outcome.diagnostics);
    return;
  }
  openText(outcome.text, { fromFile: false });
}

export async function downloadTemplate(kind) {
  const { template_xlsx, template_csv_zip } = await tools();
  const text = scenarioText();
  if (kind === 'xlsx') {
    download('县情模板.xlsx', new Blob([template_xlsx(text)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  } else {
    // One download (a browser asks before letting a page save several files): the CSV files zipped.
    download('县情模板-CSV.zip', new Blob([template_csv_zip(text)], { type: 'application/zip' }));
  }
}

// A CSV file's bytes as UTF-8 for the core, and a note when they were something else: Chinese Excel and
// WPS save "CSV" in GB18030 (GBK), which the browser decodes; UTF-16 ("Unicode text") the core reads.
function csvAsUtf8(bytes) {
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

export async function importSpreadsheet(files) {
  const names = [];
  const contents = [];
  const notes = [];
  if (!files.every((file) => withinLimit(file, /\.csv$/i.test(file.name) ? 'csv' : 'workbook'))) return null;
  for (const file of files) {
    const decoded = csvAsUtf8(new Uint8Array(await file.arrayBuffer()));
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
  const { import_spreadsheet } = await tools();
  const outcome = JSON.parse(import_spreadsheet(names, contents, scenarioText()));
  if (!outcome.ok) {
    showDiagnostics(outcome.diagnostics);
    return outcome;
  }
  // A sheet that changes nothing leaves the scenario (and whether it is saved) as it was.
  const opened = outcome.text === scenarioText() ? { ok: true, diagnostics: [] } : openText(outcome.text, { askFirst: false, fromFile: false }) ?? outcome;
  const labels = outcome.changed_labels.map((label) => (state.lang === 'zh' ? label.zh : label.en));
  const listed = labels.slice(0, 10).join(state.lang === 'zh' ? '、' : ', ') + (labels.length > 10 ? ' …' : '');
  showDiagnostics([...state.diagnostics, ...notes, ...(outcome.notes ?? []), { severity: 'warning', path: names.join(', '), value: '',
    message_zh: `已导入县情:${outcome.changed.length} 项数值改变${listed ? ':' + listed : ''};改革方案、假设和标题不变`,
    message_en: `county imported: ${outcome.changed.length} value(s) changed${listed ? ': ' + listed : ''}; the reform, assumptions and title are kept` }]);
  return opened;
}

