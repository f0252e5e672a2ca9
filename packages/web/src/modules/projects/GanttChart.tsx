// The milestone chart: one row per project over Jan–Dec; planned diamonds, actual dots, overdue in red (CSS only).
import { Link } from 'react-router';
import { Space, Tooltip, Typography } from 'antd';
import type { AnnualPlan, Project } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { todayInShanghai } from '../../components/format.ts';
import { isOverdue } from './PlanView.tsx';

export interface GanttRow {
  project: Pick<Project, 'id' | 'code' | 'name'>;
  /** The baseline in force, else the draft; null when the year has no plan. */
  plan: Pick<AnnualPlan, 'status' | 'milestones'> | null;
  loading: boolean;
}

const LABEL = 300;
const ROW = 30;
const colors = { planned: '#1f5fbf', overdue: '#cf1322', actual: '#389e0d', grid: '#f0f0f0' };

/** Position of a date in the year as a percentage of the width, or null outside the year. */
function xOf(date: string, year: number): number | null {
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  if (d < start || d >= end) return null;
  return ((d - start + 43_200_000) / (end - start)) * 100;
}

function Diamond({ x, color, filled }: { x: number; color: string; filled: boolean }) {
  return (
    <span
      style={{
        position: 'absolute',
        left: `calc(${x}% - 6px)`,
        top: ROW / 2 - 6,
        width: 12,
        height: 12,
        transform: 'rotate(45deg)',
        border: `2px solid ${color}`,
        background: filled ? color : '#fff',
        boxSizing: 'border-box',
        cursor: 'default',
      }}
    />
  );
}

function Dot({ x, color }: { x: number; color: string }) {
  return (
    <span
      style={{
        position: 'absolute',
        left: `calc(${x}% - 5px)`,
        top: ROW / 2 - 5,
        width: 10,
        height: 10,
        borderRadius: 5,
        background: color,
      }}
    />
  );
}

export function GanttLegend() {
  const t = useT();
  const item = (node: React.ReactNode, label: string) => (
    <Space size={6}>
      <span style={{ position: 'relative', display: 'inline-block', width: 14, height: ROW }}>{node}</span>
      {label}
    </Space>
  );
  return (
    <Space size="large" wrap>
      {item(<Diamond x={50} color={colors.planned} filled={false} />, t('gantt.planned'))}
      {item(<Dot x={50} color={colors.actual} />, t('gantt.actual'))}
      {item(<Diamond x={50} color={colors.overdue} filled />, t('gantt.overdue'))}
    </Space>
  );
}

export function GanttChart({ rows, year }: { rows: GanttRow[]; year: number }) {
  const t = useT();
  const today = todayInShanghai();
  const todayX = xOf(today, year);
  const monthStarts = Array.from(
    { length: 12 },
    (_, i) => xOf(`${year}-${String(i + 1).padStart(2, '0')}-01`, year) ?? 0,
  );
  const grid = (
    <>
      {monthStarts.map((x, i) => (
        <span
          key={i}
          style={{
            position: 'absolute',
            left: `${x}%`,
            top: 0,
            bottom: 0,
            borderLeft: `1px solid ${colors.grid}`,
          }}
        />
      ))}
      {todayX !== null && (
        <span
          style={{
            position: 'absolute',
            left: `${todayX}%`,
            top: 0,
            bottom: 0,
            borderLeft: `1px dashed ${colors.overdue}`,
          }}
        />
      )}
    </>
  );

  return (
    <div style={{ overflowX: 'auto' }} data-testid="gantt">
      <div style={{ minWidth: LABEL + 720 }}>
        <div
          style={{ display: 'flex', borderBottom: '1px solid #d9d9d9', height: ROW, lineHeight: `${ROW}px` }}
        >
          <div style={{ width: LABEL, flex: 'none', fontWeight: 600 }}>{t('gantt.project')}</div>
          <div style={{ position: 'relative', flex: 1 }}>
            {monthStarts.map((x, i) => (
              <span
                key={i}
                style={{
                  position: 'absolute',
                  left: `${x}%`,
                  paddingLeft: 4,
                  color: '#595959',
                  fontSize: 12,
                }}
              >
                {t('plan.monthN', { m: i + 1 })}
              </span>
            ))}
          </div>
        </div>
        {rows.map(({ project: p, plan, loading }) => (
          <div key={p.id} style={{ display: 'flex', height: ROW, borderBottom: `1px solid ${colors.grid}` }}>
            <div
              style={{
                width: LABEL,
                flex: 'none',
                overflow: 'hidden',
                whiteSpace: 'nowrap',
                textOverflow: 'ellipsis',
                lineHeight: `${ROW}px`,
              }}
              title={`${p.code} ${p.name}`}
            >
              <Link to={`/projects/${p.id}?tab=plans`}>{p.name}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {p.code}
              </Typography.Text>
            </div>
            <div style={{ position: 'relative', flex: 1 }}>
              {grid}
              {(loading || !plan || plan.milestones.length === 0) && (
                <Typography.Text
                  type="secondary"
                  style={{ position: 'absolute', left: 8, lineHeight: `${ROW}px`, fontSize: 12 }}
                >
                  {loading ? t('common.loading') : !plan ? t('gantt.noPlan') : t('plan.noMilestones')}
                </Typography.Text>
              )}
              {plan?.milestones.map((m) => {
                const px = xOf(m.plannedDate, year);
                const ax = m.actualDate ? xOf(m.actualDate, year) : null;
                const late = isOverdue(m, today);
                const tip = `${m.name}｜${t('plan.plannedDate')} ${m.plannedDate}｜${t('plan.actualDate')} ${m.actualDate ?? '-'}${late ? `｜${t('plan.overdue')}` : ''}`;
                return (
                  <Tooltip key={m.id} title={tip}>
                    <span data-testid={late ? 'gantt-overdue' : 'gantt-marker'}>
                      {px !== null && ax !== null && (
                        <span
                          style={{
                            position: 'absolute',
                            left: `${Math.min(px, ax)}%`,
                            width: `${Math.abs(ax - px)}%`,
                            top: ROW / 2 - 1,
                            height: 2,
                            background: ax > px ? colors.overdue : colors.actual,
                            opacity: 0.5,
                          }}
                        />
                      )}
                      {px !== null && (
                        <Diamond x={px} color={late ? colors.overdue : colors.planned} filled={late} />
                      )}
                      {ax !== null && <Dot x={ax} color={colors.actual} />}
                    </span>
                  </Tooltip>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
