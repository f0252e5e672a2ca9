/** The contract's own rules: language choice, error messages in both languages, dates, permissions. */
import { describe, expect, it } from 'vitest';
import {
  auditActionKey,
  can,
  errorMessages,
  hasPermission,
  isoDate,
  meetingEventLabels,
  passwordRule,
  pickLang,
  rolePermissions,
  roles,
  regionCode,
} from './index.ts';

describe('pickLang', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['EN', 'en'],
    ['fr-FR', 'zh'],
  ])('%s → %s', (header, lang) => expect(pickLang(header)).toBe(lang));
});

it('every error code has a Chinese and an English message', () => {
  for (const [code, m] of Object.entries(errorMessages)) {
    expect(m.zh, code).toMatch(/[\u4e00-\u9fff]/);
    expect(m.en, code).toMatch(/^[\x20-\x7e]+$/);
  }
});

describe('isoDate', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-31'])('accepts %s', (d) =>
    expect(isoDate.safeParse(d).success).toBe(true),
  );
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-05', '20260105', '2026-00-10'])(
    'refuses %s',
    (d) => expect(isoDate.safeParse(d).success).toBe(false),
  );
});

describe('passwordRule', () => {
  it.each([
    ['abcdefghi1', true],
    ['abcdefgh1', false], // 9 characters
    ['abcdefghij', false], // no digit
    ['1234567890', false], // no letter
  ])('%s → %s', (p, ok) => expect(passwordRule.safeParse(p).success).toBe(ok));
});

it('region codes are 6, 9 or 12 digits', () => {
  expect(['230623', '230623100', '230623100200'].every((c) => regionCode.safeParse(c).success)).toBe(true);
  expect(['23062', '2306231', 'abcdef', '2306231001'].some((c) => regionCode.safeParse(c).success)).toBe(
    false,
  );
});

it('only admin may list the whole audit log or edit regions; experts read no organisation data', () => {
  expect(roles.filter((r) => can(r, 'audit.list'))).toEqual(['admin']);
  expect(roles.filter((r) => can(r, 'region.write'))).toEqual(['admin']);
  expect(can('expert', 'org.read')).toBe(false);
  expect(roles.every((r) => rolePermissions[r].includes('token.own'))).toBe(true);
});

it('a user holds the permissions their session carries, and any page that asks for none', () => {
  for (const r of roles) {
    const user = { permissions: rolePermissions[r] };
    expect(hasPermission(user, 'audit.list')).toBe(can(r, 'audit.list'));
    expect(hasPermission(user, 'item.write')).toBe(can(r, 'item.write'));
    expect(hasPermission(user, undefined)).toBe(true);
  }
  expect(hasPermission({ permissions: [] }, 'token.own')).toBe(false);
});

describe('audit event labels', () => {
  const ev = (entity: string, action: string, kind?: string) => {
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    if (kind) diff.kind = { before: null, after: kind };
    return { entity, action, diff };
  };
  it.each([
    // a meeting's close is 会议结束, not an item's 销号; an item's close stays 销号
    [ev('meeting', 'close'), 'meeting.close', '会议结束'],
    [ev('meeting', 'start'), 'meeting.start', '会议召开'],
    [ev('meeting', 'cancel'), 'meeting.cancel', '取消会议'],
    [ev('meeting', 'outcome', 'decision'), 'meeting.outcome.decision', '会议议定事项'],
    [ev('meeting', 'outcome', 'note'), 'meeting.outcome', '记录会议意见'],
    [ev('meeting_series', 'update'), 'meeting_series.update', '修改会议系列'],
    [ev('meeting_series', 'extend'), 'meeting_series.extend', '续排会议'],
    // a meeting on an item's or a project's timeline, by what it did
    [ev('item', 'meeting', 'decision'), 'meeting@decision', '会议议定事项'],
    [ev('project', 'meeting', 'disposition'), 'meeting@disposition', '会议对照检查'],
    [ev('item', 'meeting', 'item'), 'meeting', '会议研究'],
    [ev('project', 'meeting'), 'meeting', '会议研究'],
  ])('%o is labelled by %s (%s)', (e, key, zh) => {
    expect(auditActionKey(e)).toBe(key);
    expect(meetingEventLabels[key]).toBe(zh);
  });
  it.each([
    [ev('item', 'close'), 'close'],
    [ev('meeting', 'generate_agenda'), 'generate_agenda'],
    [ev('unit', 'create'), 'create'],
  ])('%o keeps its action %s', (e, key) => expect(auditActionKey(e)).toBe(key));
});
