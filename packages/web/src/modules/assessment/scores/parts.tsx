// Small pieces the scores pages share: the period picker, enum labels in the user's language, the
// board tag (红榜/黑榜), the card tag (黄牌/红牌) and the region picker defaulting to the user's region.
import { useMemo } from 'react';
import { InputNumber, Select, Space, Tag } from 'antd';
import { scoreRuleLabels, type ScoreRule } from '@ducha/contract';
import { useI18n, useT } from '../../../app/i18n.tsx';
import type { MsgKey } from '../../../app/messages/zh.ts';
import type { PeriodKind, PeriodPick } from './logic.ts';

/** Labels of the scores' enums; the key families live in messages/assessment-scores.*.ts. */
export function useScoreLabels() {
  const { lang, t } = useI18n();
  return useMemo(
    () => ({
      rule: (r: string) => scoreRuleLabels[r as ScoreRule]?.[lang] ?? r,
      of: (family: string, v: string) => t(`score.${family}.${v}` as MsgKey),
    }),
    [lang, t],
  );
}

/** A period: month, half year or year, with its year and part. */
export function PeriodPicker({
  value,
  onChange,
  kinds = ['month', 'half', 'year'],
}: {
  value: PeriodPick;
  onChange: (p: PeriodPick) => void;
  kinds?: PeriodKind[];
}) {
  const t = useT();
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: t('score.monthN', { n: i + 1 }),
  }));
  const halves = [
    { value: 1, label: t('score.h1') },
    { value: 2, label: t('score.h2') },
  ];
  return (
    <Space data-testid="score-period">
      <Select<PeriodKind>
        value={value.kind}
        style={{ width: 100 }}
        onChange={(kind) =>
          onChange({ ...value, kind, part: kind === 'half' ? 1 : kind === 'month' ? 12 : 1 })
        }
        options={kinds.map((k) => ({ value: k, label: t(`score.kind.${k}` as MsgKey) }))}
        data-testid="score-period-kind"
      />
      <InputNumber
        value={value.year}
        min={2000}
        max={2100}
        onChange={(y) => y && onChange({ ...value, year: y })}
        style={{ width: 90 }}
        data-testid="score-period-year"
      />
      {value.kind !== 'year' && (
        <Select<number>
          value={value.part}
          style={{ width: 100 }}
          onChange={(part) => onChange({ ...value, part })}
          options={value.kind === 'half' ? halves : months}
          data-testid="score-period-part"
        />
      )}
    </Space>
  );
}

export function BoardTag({ board }: { board: 'red' | 'black' | null }) {
  const t = useT();
  if (!board) return null;
  return board === 'red' ? (
    <Tag color="red">{t('score.board.red')}</Tag>
  ) : (
    <Tag color="default" style={{ background: '#222', color: '#fff' }}>
      {t('score.board.black')}
    </Tag>
  );
}

export function CardTag({ color }: { color: 'yellow' | 'red' }) {
  const t = useT();
  return <Tag color={color === 'red' ? 'red' : 'gold'}>{t(`score.color.${color}` as MsgKey)}</Tag>;
}
