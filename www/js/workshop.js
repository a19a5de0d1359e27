// The workshop sequence (沙盘推演流程): the core's steps (scenario::teaching), each with what it shows,
// the question to ask the room before the results are seen, what to point at, and a button that
// opens its scenario (with its description open).
import { state } from './state.js';
import { $, el } from './dom.js';
import { t } from './words.js';
import { openText } from './changes.js';
import { workshop, shipped_scenario } from '../pkg/ygt.js';
import { enterPresenter } from './presenter.js';

export function renderWorkshop() {
  const steps = JSON.parse(workshop(state.lang));
  $('workshop-steps').replaceChildren(...steps.map((step, index) => el('li', {},
    el('h3', { text: step.title }),
    el('p', { text: step.shows }),
    el('p', { class: 'ask', text: `${t('workshop_ask')}${step.ask}` }),
    el('p', { class: 'look', text: step.look }),
    el('button', { class: 'small', text: t('workshop_open').replace('{n}', String(index + 1)), onclick: () => {
      const outcome = openText(shipped_scenario(step.file));
      if (outcome?.ok) { $('scenario-about').open = true; $('scenario-about').scrollIntoView({ block: 'start' }); }
    } }),
    el('button', { class: 'small', text: t('workshop_present'), onclick: () => enterPresenter(index) }))));
}
