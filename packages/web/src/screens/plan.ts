/** "The plan": a checklist. Ticks live in memory unless the person opted in to remembering. */
import { announce, h } from '../dom.js';
import { t, type MessageKey } from '../i18n/index.js';
import { planProgress, remembering, resetPlan, setPlanStep } from '../settings.js';

export const PLAN_STEPS = ['location', 'photos', 'camera', 'faces', 'exports', 'apps', 'accounts', 'contacts'] as const;

export function planScreen(rerender: () => void): HTMLElement {
  const done = planProgress();
  const progress = h('p', { class: 'progress', 'data-testid': 'plan-progress' }, t('plan.progress', { done: countDone(), total: PLAN_STEPS.length }));
  const meter = h('progress', { max: PLAN_STEPS.length, value: countDone(), 'aria-hidden': 'true' });
  const update = () => {
    progress.textContent = t('plan.progress', { done: countDone(), total: PLAN_STEPS.length });
    meter.value = countDone();
  };
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title', tabindex: -1 }, t('plan.title')),
    h('p', { class: 'intro' }, t('plan.intro')),
    progress,
    meter,
    h('p', { class: 'hint' }, remembering() ? t('plan.memoryOn') : t('plan.memoryOff')),
    h(
      'ol',
      { class: 'checklist' },
      ...PLAN_STEPS.map((id) => {
        const box = h('input', { type: 'checkbox', id: `plan-${id}`, checked: done.has(id), 'aria-describedby': `plan-${id}-body` });
        box.addEventListener('change', () => {
          setPlanStep(id, box.checked);
          update();
          announce(progress.textContent ?? '');
        });
        return h(
          'li',
          {},
          box,
          h('div', {}, h('label', { for: `plan-${id}` }, t(`plan.step.${id}.title` as MessageKey)), h('p', { id: `plan-${id}-body` }, t(`plan.step.${id}.body` as MessageKey))),
        );
      }),
    ),
    h('button', { type: 'button', on: { click: () => (resetPlan(), rerender()) } }, t('plan.reset')),
  );
}

function countDone(): number {
  return PLAN_STEPS.filter((id) => planProgress().has(id)).length;
}
