// The evaluations' and records' table columns, shared by their lists and an enterprise's page.
import { Link } from 'react-router';
import { Tag } from 'antd';
import {
  creditKindLabels,
  evaluationGradeLabels,
  evaluationKindLabels,
  type CreditRecord,
  type Evaluation,
} from '@ducha/contract';
import type { useT } from '../../../app/i18n.tsx';
import { creditColors, gradeColors } from './creditView.ts';

type T = ReturnType<typeof useT>;
const firmLink = (id: number, name: string) => (
  <Link to={`/assessment/credit/enterprises/${id}`}>{name}</Link>
);

export const evaluationColumns = (t: T, withFirm: boolean) => [
  ...(withFirm
    ? [
        {
          title: t('credit.enterprise'),
          dataIndex: 'enterpriseName',
          render: (n: string, e: Evaluation) => firmLink(e.enterpriseId, n),
        },
      ]
    : []),
  {
    title: t('credit.quarter'),
    key: 'q',
    render: (_: unknown, e: Evaluation) => `${e.year} ${t('credit.quarterN', { n: e.quarter })}`,
  },
  {
    title: t('credit.evalKind'),
    dataIndex: 'kind',
    render: (k: Evaluation['kind']) => evaluationKindLabels[k],
  },
  {
    title: t('credit.project'),
    dataIndex: 'projectName',
    render: (n: string, e: Evaluation) => <Link to={`/projects/${e.projectId}`}>{n}</Link>,
  },
  {
    title: t('credit.inspection'),
    dataIndex: 'inspectionId',
    render: (id: number | null) => (id ? <Link to={`/inspections/${id}`}>#{id}</Link> : '-'),
  },
  { title: t('credit.score'), dataIndex: 'score' },
  {
    title: t('credit.evalGrade'),
    dataIndex: 'grade',
    render: (g: Evaluation['grade']) => <Tag color={gradeColors[g]}>{evaluationGradeLabels[g]}</Tag>,
  },
  { title: t('credit.evaluatedOn'), dataIndex: 'evaluatedOn' },
  {
    title: t('credit.hasRecord'),
    dataIndex: 'creditRecordId',
    render: (id: number | null, e: Evaluation) =>
      id ? <Tag color={e.grade === 'fail' ? 'red' : 'green'}>{t('credit.hasRecord')}</Tag> : '-',
  },
];

export const recordColumns = (t: T, withFirm: boolean) => [
  ...(withFirm
    ? [
        {
          title: t('credit.enterprise'),
          dataIndex: 'enterpriseName',
          render: (n: string, r: CreditRecord) => firmLink(r.enterpriseId, n),
        },
      ]
    : []),
  {
    title: t('credit.recordKind'),
    dataIndex: 'kind',
    render: (k: CreditRecord['kind']) => <Tag color={creditColors[k]}>{creditKindLabels[k]}</Tag>,
  },
  { title: t('credit.reason'), dataIndex: 'reason' },
  {
    title: t('credit.cause'),
    key: 'cause',
    render: (_: unknown, r: CreditRecord) =>
      r.causeHref ? (
        <Link to={r.causeHref}>{t(`credit.cause.${r.causeKind}`)}</Link>
      ) : (
        t(`credit.cause.${r.causeKind}`)
      ),
  },
  { title: t('credit.recordedOn'), dataIndex: 'recordedOn' },
  { title: t('credit.createdBy'), dataIndex: 'createdBy', render: (n: string | null) => n ?? '-' },
];
