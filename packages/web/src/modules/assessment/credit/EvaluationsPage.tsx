// 季度考评: the evaluations of the directory's firms by year, quarter, check and grade; the
// quarter's export (考评情况); a new evaluation (its 优秀 or 不合格 records credit at once).
import { useState } from 'react';
import { App, Button, InputNumber, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  evaluationGradeLabels,
  evaluationGrades,
  evaluationKindLabels,
  evaluationKinds,
  type Evaluation,
  type EvaluationGrade,
  type EvaluationKind,
} from '@ducha/contract';
import { useEvaluations } from '../../../api/credit.ts';
import { downloadFile } from '../../../api/projects.ts';
import { useT } from '../../../app/i18n.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { evaluationColumns } from './columns.tsx';
import { EvaluationForm } from './CreditForms.tsx';
import { quarterOf } from './creditView.ts';
import { useKeepsCredit } from './EnterprisesPage.tsx';

type Filters = { year?: number; quarter?: number; kind?: EvaluationKind; grade?: EvaluationGrade };

export default function EvaluationsPage() {
  const t = useT();
  const writable = useKeepsCredit();
  const onError = useApiError();
  const { message } = App.useApp();
  const d = new Date().toISOString().slice(0, 10);
  const table = useTableState<Filters>({ year: Number(d.slice(0, 4)) });
  const query = useEvaluations(table.params);
  const [creating, setCreating] = useState(false);
  const f = table.state.filters;
  const exportQuarter = () => {
    const year = f.year ?? Number(d.slice(0, 4));
    const quarter = f.quarter ?? quarterOf(d);
    downloadFile('/api/enterprise-evaluations.xlsx', { year, quarter }, `${year}年第${quarter}季度考评.xlsx`)
      .then(() => message.success(t('credit.exported')))
      .catch((e) => onError(e));
  };
  return (
    <ListPage<Evaluation, Filters>
      title={t('menu.evaluations')}
      create={writable && { label: t('credit.evaluate'), onClick: () => setCreating(true) }}
      testId="evaluation"
      table={table}
      query={query}
      searchPlaceholder={t('credit.search')}
      filters={
        <Space wrap>
          <InputNumber
            placeholder={t('credit.year')}
            min={2000}
            max={2100}
            value={f.year}
            onChange={(year) => table.setFilter({ year: year ?? undefined })}
          />
          <Select
            allowClear
            placeholder={t('credit.quarter')}
            style={{ minWidth: 100 }}
            value={f.quarter}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('credit.quarterN', { n }) }))}
            onChange={(quarter) => table.setFilter({ quarter })}
          />
          <Select
            allowClear
            placeholder={t('credit.evalKind')}
            style={{ minWidth: 110 }}
            value={f.kind}
            options={evaluationKinds.map((k) => ({ value: k, label: evaluationKindLabels[k] }))}
            onChange={(kind) => table.setFilter({ kind })}
          />
          <Select
            allowClear
            placeholder={t('credit.evalGrade')}
            style={{ minWidth: 100 }}
            value={f.grade}
            options={evaluationGrades.map((g) => ({ value: g, label: evaluationGradeLabels[g] }))}
            onChange={(grade) => table.setFilter({ grade })}
          />
          <Button icon={<DownloadOutlined />} onClick={exportQuarter} data-testid="evaluation-export">
            {t('credit.exportQuarter')}
          </Button>
        </Space>
      }
      columns={evaluationColumns(t, true)}
    >
      {creating && <EvaluationForm onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
