// 预览: the saved scheme applied to a month (last month by default), written nowhere — the rows it
// would generate, by rule, and the ranking per group.
import { useState } from 'react';
import { Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Preview, RankingEntry, Scheme } from '@ducha/contract';
import { usePreviewScheme } from '../../../api/assessment.ts';
import { useT } from '../../../app/i18n.tsx';
import { todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { defaultMonth, paceText, signedPoints } from './logic.ts';
import { BoardTag, useScoreLabels } from './parts.tsx';

export function SchemePreview({ scheme }: { scheme: Scheme }) {
  const t = useT();
  const labels = useScoreLabels();
  const onError = useApiError();
  const last = defaultMonth(todayInShanghai());
  const [year, setYear] = useState(scheme.year === last.year ? last.year : scheme.year);
  const [month, setMonth] = useState(scheme.year === last.year ? last.part : 12);
  const preview = usePreviewScheme();
  const [result, setResult] = useState<Preview | null>(null);
  const run = () =>
    preview.mutate({ id: scheme.id, year, month }, { onSuccess: setResult, onError: (e) => onError(e) });
  return (
    <Card type="inner" title={t('score.preview')} style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 12 }}>
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(y) => y && setYear(y)}
          style={{ width: 90 }}
        />
        <Select
          value={month}
          onChange={setMonth}
          style={{ width: 100 }}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: i + 1,
            label: t('score.monthN', { n: i + 1 }),
          }))}
        />
        <Button onClick={run} loading={preview.isPending} data-testid="scheme-preview">
          {t('score.previewRun')}
        </Button>
        <Typography.Text type="secondary">{t('score.previewHelp')}</Typography.Text>
      </Space>
      {result && (
        <div data-testid="scheme-preview-result">
          <Table
            rowKey="rule"
            size="small"
            pagination={false}
            dataSource={result.byRule}
            columns={[
              { title: t('score.rule'), dataIndex: 'rule', render: labels.rule },
              { title: t('score.rows'), dataIndex: 'rows' },
              { title: t('score.points'), dataIndex: 'points', render: signedPoints },
            ]}
          />
          {result.groups.map((g) => (
            <div key={g.code} style={{ marginTop: 12 }}>
              <Typography.Text strong>{g.name}</Typography.Text>
              <Table<RankingEntry>
                rowKey="unitId"
                size="small"
                pagination={false}
                dataSource={g.entries}
                columns={[
                  { title: t('score.rank'), dataIndex: 'rank' },
                  { title: t('field.unit'), dataIndex: 'unitName' },
                  { title: t('score.score'), dataIndex: 'score' },
                  { title: t('score.bonuses'), dataIndex: 'bonuses', render: signedPoints },
                  { title: t('score.deductions'), dataIndex: 'deductions', render: signedPoints },
                  { title: t('score.pace'), dataIndex: 'pace', render: paceText },
                  {
                    title: t('score.boardCol'),
                    dataIndex: 'board',
                    render: (b: RankingEntry['board']) => <BoardTag board={b} />,
                  },
                ]}
              />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
