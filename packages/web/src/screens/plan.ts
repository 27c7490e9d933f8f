/**
 * "The plan": a checklist. When a dossier was made in this page, its plan comes first (actions
 * ordered by how much of the dossier they remove), then the general steps. Ticks live in memory
 * unless the person opted in to remembering them on this device.
 */
import { announce, h } from '../dom.js';
import { latestDossier, renderDossier } from '../dossier-engine.js';
import type { PlanItem } from '../dossier/protocol.js';
import { lang, t, type MessageKey } from '../i18n/index.js';
import { planProgress, remembering, resetPlan, setPlanStep } from '../settings.js';

export const PLAN_STEPS = ['location', 'photos', 'camera', 'faces', 'exports', 'apps', 'accounts', 'contacts'] as const;

interface Step {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly impact?: number;
}

function generalSteps(): Step[] {
  return PLAN_STEPS.map((id) => ({ id, title: t(`plan.step.${id}.title` as MessageKey), body: t(`plan.step.${id}.body` as MessageKey) }));
}

function dossierSteps(plan: readonly PlanItem[]): Step[] {
  return plan.map((item) => ({ id: `dossier:${item.id}`, title: item.title, body: item.text, impact: item.impact }));
}

export function planScreen(rerender: () => void): HTMLElement {
  const dossier = latestDossier();
  if (dossier !== undefined && dossier.language !== lang()) {
    // The plan came with the dossier, in the language it was made in: fetch it in the current one.
    void renderDossier(lang()).then(rerender, () => undefined);
  }
  const personal = dossier === undefined ? [] : dossierSteps(dossier.plan);
  const all = [...personal, ...generalSteps()];
  const countDone = () => all.filter((step) => planProgress().has(step.id)).length;
  const progress = h('p', { class: 'progress', 'data-testid': 'plan-progress' }, t('plan.progress', { done: countDone(), total: all.length }));
  const meter = h('progress', { max: all.length, value: countDone(), 'aria-hidden': 'true' });
  const update = () => {
    progress.textContent = t('plan.progress', { done: countDone(), total: all.length });
    meter.value = countDone();
  };
  const checklist = (steps: readonly Step[], testId: string) =>
    h(
      'ol',
      { class: 'checklist', 'data-testid': testId },
      ...steps.map((step, index) => {
        const id = `plan-${testId}-${index}`;
        const box = h('input', { type: 'checkbox', id, checked: planProgress().has(step.id), 'aria-describedby': `${id}-body` });
        box.addEventListener('change', () => {
          setPlanStep(step.id, box.checked);
          update();
          announce(progress.textContent ?? '');
        });
        return h(
          'li',
          {},
          box,
          h(
            'div',
            {},
            h('label', { for: id }, step.title),
            h('p', { id: `${id}-body` }, step.body),
            step.impact !== undefined && h('p', { class: 'impact' }, t('plan.impact', { impact: Math.round(step.impact) })),
          ),
        );
      }),
    );
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title', tabindex: -1 }, t('plan.title')),
    h('p', { class: 'intro' }, t('plan.intro')),
    progress,
    meter,
    h('p', { class: 'hint' }, remembering() ? t('plan.memoryOn') : t('plan.memoryOff')),
    personal.length > 0 && h('h3', { class: 'plan-heading' }, t('plan.fromDossier')),
    personal.length > 0 && checklist(personal, 'dossier-plan'),
    personal.length === 0 && h('p', { class: 'hint' }, t('plan.noDossier')),
    personal.length > 0 && h('h3', { class: 'plan-heading' }, t('plan.general')),
    checklist(generalSteps(), 'general-plan'),
    h('button', { type: 'button', on: { click: () => (resetPlan(), rerender()) } }, t('plan.reset')),
  );
}
