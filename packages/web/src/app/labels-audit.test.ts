// The inspections' audit events read in the UI's language on the timeline and the audit log: every
// step of the procedure by the step's own name (the contract's Chinese, labels.ts's English), and the
// module's other events (a finding recorded, a plan approved, a draw published, drawn, declined,
// turned into inspections) by the words of their buttons, not as raw codes or another module's word.
import { describe, expect, it } from 'vitest';
import { inspectionActionLabels, inspectionStep } from '@ducha/contract';
import type { TFunction } from './i18n.tsx';
import { enInspections, inspectionAuditEvents, labelsOf } from './labels.ts';
import { en } from './messages/en.ts';
import { zh, type MsgKey } from './messages/zh.ts';

const tOf =
  (dict: Record<MsgKey, string>): TFunction =>
  (key, vars) =>
    Object.entries(vars ?? {}).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), dict[key] ?? key);
const zhL = labelsOf('zh', tOf(zh));
const enL = labelsOf('en', tOf(en));
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const ev = (entity: string, action: string) => ({ entity, action, diff: {} });

/** The steps as the contract's step schema names them: the actions the server audits a step under. */
const stepActions = inspectionStep.options.map((o) => o.shape.action.value);
const otherEvents = Object.entries(inspectionAuditEvents).flatMap(([entity, actions]) =>
  Object.entries(actions).map(([action, key]) => ({ entity, action, key: key as MsgKey })),
);

describe('an inspection’s procedure steps on its timeline', () => {
  it.each(stepActions)('%s: the step’s Chinese name in Chinese, its English name in English', (a) => {
    expect(zhL.event(ev('inspection', a))).toBe(inspectionActionLabels[a]);
    const enName = enL.event(ev('inspection', a));
    expect(enName).toBe(enInspections.action[a]);
    expect(enName).not.toBe(a);
    expect(enName).not.toMatch(cjk);
  });
  it('reads a notice sent and an archive as the procedure names them', () => {
    expect(zhL.event(ev('inspection', 'notify'))).toBe('发出稽察通知');
    expect(enL.event(ev('inspection', 'notify'))).toBe('Send inspection notice');
    expect(zhL.event(ev('inspection', 'archive'))).toBe('复查通过并归档');
  });
});

describe('the inspections’ other audit events', () => {
  it('covers what the module writes besides its steps and create, update, delete', () => {
    expect(otherEvents.map((e) => `${e.entity}.${e.action}`).sort()).toEqual(
      [
        'inspection.add_finding',
        'inspection_draw.create_inspections',
        'inspection_draw.decline',
        'inspection_draw.draw',
        'inspection_draw.publish',
        'inspection_plan.approve',
      ].sort(),
    );
  });
  it.each(otherEvents)('$entity.$action: its button’s words in both languages', ({ entity, action, key }) => {
    expect(zhL.event(ev(entity, action))).toBe(zh[key]);
    expect(zhL.event(ev(entity, action))).toMatch(cjk);
    const enName = enL.event(ev(entity, action));
    expect(enName).toBe(en[key]);
    expect(enName).not.toBe(action);
    expect(enName).not.toMatch(cjk);
  });
  it('does not name a draw’s publish as a list’s, nor a plan’s approval as a report’s', () => {
    expect(zhL.event(ev('inspection_draw', 'publish'))).toBe('公布');
    expect(zhL.event(ev('project_list', 'publish'))).toBe('发布名单');
    expect(enL.event(ev('inspection_plan', 'approve'))).toBe('Approve');
  });
  it.each(['inspection', 'inspection_plan', 'inspection_theme', 'inspection_draw', 'inspector'])(
    '%s: create, update and delete by the general words',
    (entity) => {
      for (const a of ['create', 'update', 'delete']) {
        expect(zhL.event(ev(entity, a))).toMatch(cjk);
        expect(enL.event(ev(entity, a))).not.toMatch(cjk);
      }
    },
  );
  it('leaves the same codes of other records to their own words', () => {
    expect(zhL.event(ev('item', 'close'))).toBe('销号');
    expect(enL.event(ev('meeting', 'start'))).toBe('Meeting held');
  });
});
