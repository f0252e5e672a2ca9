// The inspections' codes read in the UI's language: every kind of inspection, finding and document,
// and every step of the procedure, has its Chinese name (the contract's, unchanged) in Chinese and an
// English name of its own in English; and the pages take them from labels.ts, not from the contract.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentKindLabels,
  documentKinds,
  findingKindLabels,
  findingKinds,
  inspectionActionLabels,
  inspectionKindLabels,
  inspectionKinds,
  inspectionStep,
} from '@ducha/contract';
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
/** Han characters and CJK punctuation (。，；（）〔〕…): none belongs in an English label. */
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The steps' codes as the contract's step schema names them (not the label table's keys). */
const stepActions = inspectionStep.options.map((o) => o.shape.action.value);

const kinds = [
  { name: 'inspection kind', codes: inspectionKinds, zh: inspectionKindLabels, label: 'inspectionKind' },
  { name: 'finding kind', codes: findingKinds, zh: findingKindLabels, label: 'findingKind' },
  { name: 'document kind', codes: documentKinds, zh: documentKindLabels, label: 'documentKind' },
  { name: 'procedure step', codes: stepActions, zh: inspectionActionLabels, label: 'inspectionAction' },
] as const;

describe.each(kinds)('$name', ({ codes, zh: zhTable, label }) => {
  it.each([...codes])('%s: the contract’s Chinese in Chinese, an English name in English', (code) => {
    const zhName = (zhTable as Record<string, string>)[code];
    expect(zhName).toBeTruthy();
    expect(zhL[label](code)).toBe(zhName);
    const enName = enL[label](code);
    expect(enName.trim()).not.toBe('');
    expect(enName).not.toBe(code); // the fallback of a missing label
    expect(enName).not.toBe(zhName);
    expect(enName).not.toMatch(cjk);
  });
  it('no two codes share an English name', () => {
    const names = codes.map((c) => enL[label](c));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('inspection names in English', () => {
  it('reads the kinds, documents and steps as the messages name the procedure', () => {
    expect(enL.inspectionKind('special')).toBe('Special inspection');
    expect(enL.inspectionKind('recheck')).toBe('Re-check');
    expect(enL.findingKind('suggestion')).toBe('Suggestion');
    expect(enL.documentKind('draft_report')).toBe('Inspection report (draft for comment)');
    expect(enL.documentKind('rectification_notice')).toBe('Rectification notice');
    expect(enL.inspectionAction('notify')).toBe('Send inspection notice');
    expect(enL.inspectionAction('archive')).toBe('Pass re-check and archive');
  });
  it('has no English name for a code the contract does not know', () => {
    const tables = [
      [enInspections.kind, inspectionKinds],
      [enInspections.findingKind, findingKinds],
      [enInspections.documentKind, documentKinds],
      [enInspections.action, stepActions],
    ] as const;
    for (const [table, codes] of tables) expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });
});

/** Every source file of the web client but this one and labels.ts. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the pages name contract codes through labels.ts', () => {
  const src = join(import.meta.dirname, '..');
  const labelsTs = readFileSync(join(import.meta.dirname, 'labels.ts'), 'utf8');
  const contractImport = /import\s*\{([^}]*)\}\s*from '@ducha\/contract'/.exec(labelsTs)?.[1] ?? '';
  /** The contract's Chinese-only tables labels.ts wraps (stageLabels, inspectionKindLabels, …). */
  const tables = contractImport
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z]\w*(Labels|Definitions)$/.test(s));
  it('wraps the inspections’ and the theme rule’s tables', () => {
    for (const name of [
      'inspectionKindLabels',
      'findingKindLabels',
      'documentKindLabels',
      'inspectionActionLabels',
      'investmentNatureLabels',
      'stageLabels',
      'listLevelLabels',
    ])
      expect(tables).toContain(name);
  });
  it('no other source file reads them', () => {
    const offenders: Record<string, string[]> = {};
    for (const file of sources(src)) {
      if (file === join(import.meta.dirname, 'labels.ts')) continue;
      const text = readFileSync(file, 'utf8');
      const used = tables.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
      if (used.length) offenders[relative(src, file)] = used;
    }
    expect(offenders).toEqual({});
  });
});

// The inspections' audit events on the timeline and the audit log: every step of the procedure by the
// step's own name, and the module's other events (a finding recorded, a plan approved, a draw
// published, drawn, declined, turned into inspections) by the words of their buttons, not as raw
// codes or another module's word.
const ev = (entity: string, action: string) => ({ entity, action, diff: {} });

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
