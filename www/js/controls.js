// The levers and assumptions panel, drawn from the core's controls view: each control's widget, value,
// range, warning and source come from the core; the page sends back the control's path and what the
// user chose or typed.
import { state } from './state.js';
import { el, setText, setProperty } from './dom.js';
import { requestSet } from './changes.js';
import { list_text } from '../pkg/ygt.js';

// What forces a rebuild: the language, the mode, and which controls take a value per year.
function shapeOf(controls) {
  const all = [...controls.levers.flatMap((group) => group.controls), ...controls.assumptions];
  return [state.lang, state.mode, ...all.map((c) => `${c.path}:${c.widget}:${c.years?.length ?? 0}`)].join('|');
}

// The cells of pasted text: values separated by tabs, lines or runs of spaces.
function pastedCells(event) {
  return (event.clipboardData?.getData('text') ?? '').trim().split(/[\t\r\n]+|\s{2,}/).map((cell) => cell.trim()).filter(Boolean);
}

// The button between one value and a value per year: it sends what the core says the other form is.
function toggleButton(control) {
  const toggle = el('button', { class: 'toggle-years' });
  toggle.addEventListener('click', () => requestSet(control.path, toggle.dataset.value));
  return toggle;
}

function build(control) {
  const box = el('div', { class: 'control', 'data-path': control.path });
  box.append(el('div', { class: 'name', text: control.name }));
  const row = el('div', { class: 'row' });
  if (control.widget === 'select') {
    const select = el('select', { 'aria-label': control.name });
    control.choices.forEach((choice, index) => select.append(el('option', { value: String(index), text: choice })));
    select.addEventListener('change', () => requestSet(control.path, select.value));
    row.append(select);
  } else if (control.widget === 'switch') {
    const box2 = el('input', { type: 'checkbox', 'aria-label': control.name });
    box2.addEventListener('change', () => requestSet(control.path, box2.checked ? 'true' : 'false'));
    row.append(box2, el('span', { class: 'unit', text: control.unit }));
  } else if (control.years) {
    // A value per year is edited in the year boxes only: no main box that would replace them all
    // unseen; the toggle says which one value every year would take.
    row.append(el('span', { class: 'unit', text: control.unit }), toggleButton(control));
  } else {
    const { min, max, step } = control.slider;
    const slider = el('input', { type: 'range', min, max, step, 'aria-label': control.name });
    const number = el('input', { type: 'number', step: 'any', 'aria-label': control.name });
    slider.addEventListener('input', () => { number.value = slider.value; requestSet(control.path, slider.value); });
    number.addEventListener('change', () => { slider.value = number.value; requestSet(control.path, number.value); });
    // A row pasted from a spreadsheet (values separated by tabs or lines) becomes one value per year.
    number.addEventListener('paste', (event) => {
      const cells = pastedCells(event);
      if (cells.length > 1 && control.toggle) { event.preventDefault(); requestSet(control.path, list_text(JSON.stringify(cells)), cells); }
    });
    row.append(slider, number, el('span', { class: 'unit', text: control.unit }));
    if (control.toggle) row.append(toggleButton(control));
  }
  box.append(row);
  if (control.years) {
    const years = el('div', { class: 'years' });
    // Every box as typed: an emptied box or text that is not a number is sent as it is, so the core
    // refuses it with the reason (it used to become 0 unseen); the core makes the boxes one list.
    const send = (values) => requestSet(control.path, list_text(JSON.stringify(values)), values);
    const typedYears = () => [...years.querySelectorAll('input')].map((i) => i.value.trim());
    control.years.forEach((year, index) => {
      const input = el('input', { type: 'text', inputmode: 'decimal', 'aria-label': `${control.name} ${year.label}` });
      input.addEventListener('change', () => send(typedYears()));
      // A row pasted from a spreadsheet fills this year's box and the ones after it.
      input.addEventListener('paste', (event) => {
        const cells = pastedCells(event);
        if (cells.length < 2) return;
        event.preventDefault();
        const values = typedYears();
        cells.forEach((cell, k) => { if (index + k < values.length) values[index + k] = cell; else values.push(cell); });
        send(values);
      });
      years.append(el('label', { class: 'year' }, el('span', { text: year.label }), input));
    });
    box.append(years, el('div', { class: 'note years-note', text: control.years_note }));
  }
  box.append(el('div', { class: 'meta' }, el('span', { class: 'usual' }), el('span', { class: 'source' })));
  return box;
}

// Puts the control's current value, warning and source into its widgets (leaving alone a widget the
// user is working in, and showing what the user typed where it was refused).
function fill(box, control) {
  const typed = state.refused.get(control.path);
  const idle = (node) => node && document.activeElement !== node;
  box.classList.toggle('refused', typed !== undefined);
  box.classList.toggle('outside', control.outside);
  const select = box.querySelector('.row select');
  if (idle(select)) setProperty(select, 'value', control.value);
  const checkbox = box.querySelector('.row input[type=checkbox]');
  if (checkbox) checkbox.checked = control.on;
  // What was typed and refused stays where it was typed: a list in the year boxes, a value in the box.
  const typedYears = Array.isArray(typed) ? typed : null;
  const number = box.querySelector('.row input[type=number]');
  if (idle(number)) setProperty(number, 'value', typedYears ? control.value : typed ?? control.value);
  const slider = box.querySelector('.row input[type=range]');
  if (idle(slider)) setProperty(slider, 'value', control.value);
  const toggle = box.querySelector('.toggle-years');
  if (toggle) { setText(toggle, control.toggle.label); toggle.dataset.value = control.toggle.value; }
  box.querySelectorAll('.years input').forEach((input, index) => { if (idle(input)) setProperty(input, 'value', typedYears?.[index] ?? control.years[index].value); });
  setText(box.querySelector('.usual'), control.range ? `${control.range} · ` : '');
  setText(box.querySelector('.source'), control.source);
}

export function renderControls(controls) {
  const leverBox = document.querySelector('#levers .controls');
  const assumptionBox = document.querySelector('#assumptions .controls');
  const shape = shapeOf(controls);
  // The shape drawn is kept on the element itself (no module state).
  if (shape !== leverBox.dataset.shape || !leverBox.querySelector('.control')) {
    leverBox.dataset.shape = shape;
    leverBox.replaceChildren();
    for (const group of controls.levers) {
      leverBox.append(el('h3', { class: 'note', text: group.title }));
      for (const control of group.controls) leverBox.append(build(control));
    }
    assumptionBox.replaceChildren(...controls.assumptions.map(build));
  }
  const all = [...controls.levers.flatMap((group) => group.controls), ...controls.assumptions];
  const boxes = document.querySelectorAll('#panel .control');
  all.forEach((control, index) => fill(boxes[index], control));
}
