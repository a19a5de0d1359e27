// The diagnostics line under the bar: every problem and note, in the user's language, as text.
import { state } from './state.js';
import { $, el } from './dom.js';

export function showDiagnostics(list) {
  state.diagnostics = list || [];
  const box = $('diagnostics');
  box.replaceChildren();
  for (const d of state.diagnostics) {
    const line = el('div', { class: d.severity });
    // The path as a person reads it (the lever and the year) where the core gives it, then the path
    // itself, small, for whoever edits the file.
    const label = state.lang === 'zh' ? d.label_zh : d.label_en;
    if (label) line.append(el('span', { class: 'label', text: label }), ' ');
    line.append(el('span', { class: 'path', text: d.path || (state.lang === 'zh' ? '文件' : 'file') }));
    if (d.value) line.append(` = ${d.value}`);
    line.append(`: ${state.lang === 'zh' ? d.message_zh : d.message_en}`);
    box.append(line);
  }
}

// One problem as a line of text in the user's language: what it is about (as a person reads it, or
// its path) and the message.
export function problemText(d) {
  const about = (state.lang === 'zh' ? d.label_zh : d.label_en) ?? d.path;
  return `${about}: ${state.lang === 'zh' ? d.message_zh : d.message_en}`;
}

// The error naming `path`, if there is one.
export function problemFor(path) {
  return state.diagnostics.find((d) => d.severity === 'error' && d.path === path);
}
