// A light shown with its colour's definition (DOMAIN §5), and the light beside the office's override.
import { useCallback } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Light, LightColor, LightReason, ProjectStatus } from '@ducha/contract';
import { useT } from '../app/i18n.tsx';
import { useLabels } from '../app/labels.ts';
import { formatDateTime } from './format.ts';
import { formatPercent, monthOf } from './period.ts';

/** The colours of the lights, for tags, cards and charts. */
export const lightHex: Record<LightColor, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const tagColor: Record<LightColor, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** A coloured tag; hovering shows what the colour means. */
export function LightTag({ color, strike }: { color: LightColor; strike?: boolean }) {
  const L = useLabels();
  return (
    <Tooltip title={L.lightDefinition(color)}>
      <Tag
        color={strike ? undefined : tagColor[color]}
        style={strike ? { textDecoration: 'line-through' } : {}}
      >
        <span
          style={{
            display: 'inline-block',
            width: 8,
            height: 8,
            borderRadius: 4,
            marginRight: 4,
            background: lightHex[color],
          }}
        />
        {L.light(color)}
      </Tag>
    </Tooltip>
  );
}

/**
 * The light in force; with an override, the computed light struck through and the justification;
 * with a streak (when given), "连续N月" from the second month not green on, and the referral.
 */
export function LightCell({
  light,
}: {
  light: Pick<Light, 'color' | 'computed' | 'override' | 'referral'> &
    Partial<Pick<Light, 'streak' | 'redStreak'>>;
}) {
  const t = useT();
  const o = light.override;
  const streak = light.streak ?? 0;
  return (
    <Space size={2} wrap>
      <LightTag color={light.color} />
      {o && (
        <Tooltip
          title={t('light.overrideBy', {
            by: o.by ?? t('audit.system'),
            at: formatDateTime(o.at),
            justification: o.justification,
          })}
        >
          <Space size={2}>
            <Typography.Text type="secondary">{t('light.computedWas')}</Typography.Text>
            <LightTag color={light.computed} strike />
          </Space>
        </Tooltip>
      )}
      {streak >= 2 && (
        <Tooltip
          title={t(light.redStreak ? 'light.streakRedHelp' : 'light.streakHelp', {
            n: streak,
            red: light.redStreak ?? 0,
          })}
        >
          <Tag data-testid="light-streak">{t('light.streak', { n: streak })}</Tag>
        </Tooltip>
      )}
      {light.referral && <Tag color="magenta">{t('light.referral')}</Tag>}
    </Space>
  );
}

/**
 * A light reason as text: the server's sentence in Chinese; in English the reason's label with its
 * values (the server words reasons in Chinese only).
 */
/**
 * A reason as a sentence: the server's Chinese text, or in English one written from its values
 * (never the values' internal names), with percentages cut as the Chinese text cuts them.
 */
export function useReasonText(): (r: LightReason) => string {
  const L = useLabels();
  return useCallback(
    (r: LightReason) => {
      if (L.lang === 'zh') return r.text;
      const v = r.values as Record<string, string | number | null | undefined>;
      const pct = (x: unknown) => (typeof x === 'number' ? formatPercent(x) : '-');
      switch (r.code) {
        case 'START_OVERDUE':
          return `Planned to start on ${v.plannedStart}; not started by the month's end`;
        case 'LAG':
          return `Pace ${pct(v.paceRatio)}, below ${pct(v.threshold)} (planned to date ${v.plannedToDate} 万元, done ${v.doneToDate} 万元)`;
        case 'MILESTONE_OVERDUE':
          return `Milestones overdue: ${v.milestones}`;
        case 'REPORT_MISSING':
          return `The report for month ${v.month} was not submitted`;
        case 'YELLOW_STREAK':
          return `Not green for ${v.months} months in a row: turned red`;
        case 'RED_STREAK':
          return `Red for ${v.months} months in a row: referred for accountability`;
        default:
          return L.reasonCode(r.code);
      }
    },
    [L],
  );
}

/**
 * A project at a glance (project list and header): the light of its latest closed month with that
 * month, and the latest reported 形象进度; a dash for what is not known yet.
 */
export function ProjectStatusCell({ status, part }: { status?: ProjectStatus; part: 'light' | 'percent' }) {
  const t = useT();
  if (part === 'light') {
    const l = status?.light;
    if (!l) return <Typography.Text type="secondary">{t('projectStatus.noLight')}</Typography.Text>;
    return (
      <Space size={2} data-testid="project-light">
        <LightTag color={l.color} />
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {monthOf(l.year, l.month)}
        </Typography.Text>
      </Space>
    );
  }
  if (status?.percentComplete == null) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Tooltip title={t('projectStatus.percentAsOf', { month: status.percentMonth ?? '' })}>
      <span data-testid="project-percent" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {status.percentComplete}%
      </span>
    </Tooltip>
  );
}
