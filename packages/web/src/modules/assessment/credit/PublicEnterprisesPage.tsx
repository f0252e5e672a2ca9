// 企业名录公开 (no login): the admitted firms of the directory by kind and class, with the public
// fields alone; suspended and removed firms are not listed.
import { useState } from 'react';
import { Card, Select, Space, Table, Typography } from 'antd';
import {
  enterpriseGradeLabels,
  enterpriseGrades,
  enterpriseKindLabels,
  enterpriseKinds,
  type EnterpriseGrade,
  type EnterpriseKind,
} from '@ducha/contract';
import { usePublicEnterprises, type PublicEnterprise } from '../../../api/credit.ts';
import { useT } from '../../../app/i18n.tsx';

export default function PublicEnterprisesPage() {
  const t = useT();
  const [kind, setKind] = useState<EnterpriseKind | undefined>('agent');
  const [grade, setGrade] = useState<EnterpriseGrade | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const list = usePublicEnterprises({ kind, grade, ...page });
  return (
    <Card title={t('credit.publicTitle')}>
      <Space vertical style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('credit.publicHelp')}</Typography.Text>
        <Space>
          <Select
            allowClear
            placeholder={t('credit.kind')}
            style={{ minWidth: 120 }}
            value={kind}
            options={enterpriseKinds.map((k) => ({ value: k, label: enterpriseKindLabels[k] }))}
            onChange={(v) => (setKind(v), setPage((p) => ({ ...p, page: 1 })))}
          />
          <Select
            allowClear
            placeholder={t('credit.grade')}
            style={{ minWidth: 100 }}
            value={grade}
            options={enterpriseGrades.map((g) => ({ value: g, label: enterpriseGradeLabels[g] }))}
            onChange={(v) => (setGrade(v), setPage((p) => ({ ...p, page: 1 })))}
          />
        </Space>
        <Table<PublicEnterprise>
          rowKey={(r) => `${r.kind}:${r.name}`}
          size="small"
          data-testid="public-enterprises"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: '#', key: 'n', render: (_, __, i) => (page.page - 1) * page.pageSize + i + 1 },
            { title: t('field.name'), dataIndex: 'name' },
            {
              title: t('credit.kind'),
              dataIndex: 'kind',
              render: (k: EnterpriseKind) => enterpriseKindLabels[k],
            },
            {
              title: t('credit.grade'),
              dataIndex: 'grade',
              render: (g: EnterpriseGrade | null) => (g ? enterpriseGradeLabels[g] : '-'),
            },
            {
              title: t('credit.specialties'),
              dataIndex: 'specialties',
              render: (s: string[]) => s.join('、'),
            },
            { title: t('credit.admittedOn'), dataIndex: 'admittedOn' },
            { title: t('credit.region'), dataIndex: 'regionName' },
          ]}
        />
      </Space>
    </Card>
  );
}
