// 概况: every registry field in a descriptions layout, the stage with its history, edit and stage actions.
import { useState } from 'react';
import { Button, Descriptions, Space, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import type { Project } from '@ducha/contract';
import { useStageHistory } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { ActiveTag } from '../../components/StatusTag.tsx';
import type { ProjectAccess } from './access.ts';
import { formatMoney } from '../../components/money.ts';
import { StageTag, useDictLabel } from '../../components/pickers.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import { StageChangeModal } from './StageChangeModal.tsx';

const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);

export function OverviewTab({ p, access }: { p: Project; access: ProjectAccess }) {
  const t = useT();
  const L = useLabels();
  const [editing, setEditing] = useState(false);
  const [staging, setStaging] = useState(false);
  const history = useStageHistory(p.id);
  const sector = useDictLabel('sector');
  const fundingSource = useDictLabel('funding_source');
  const tag = useDictLabel('tag');
  const tags = (values: string[], label: (code: string) => string) =>
    values.length ? values.map((v) => <Tag key={v}>{label(v)}</Tag>) : t('common.none');

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('project.code'), children: p.code },
    { key: 'name', label: t('project.name'), children: p.name },
    { key: 'region', label: t('project.region'), children: `${p.regionName}（${p.regionCode}）` },
    { key: 'sector', label: t('field.sector'), children: sector(p.sector) },
    {
      key: 'stage',
      label: t('field.stage'),
      children: (
        <Space>
          <StageTag stage={p.stage} />
          {access.editor && (
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => setStaging(true)}
              data-testid="stage-change"
            >
              {t('project.changeStage')}
            </Button>
          )}
        </Space>
      ),
    },
    { key: 'active', label: t('field.status'), children: <ActiveTag active={p.active} /> },
    { key: 'nature', label: t('field.investmentNature'), children: L.nature(p.investmentNature) },
    {
      key: 'total',
      label: t('project.totalInvestmentWan'),
      children: <Typography.Text strong>{formatMoney(p.totalInvestment)}</Typography.Text>,
    },
    {
      key: 'funding',
      label: t('field.fundingSources'),
      children: tags(p.fundingSources, fundingSource),
      span: 2,
    },
    {
      key: 'scale',
      label: t('field.scale'),
      span: 2,
      children: <div style={{ whiteSpace: 'pre-wrap' }}>{dash(p.scale)}</div>,
    },
    { key: 'address', label: t('field.address'), children: dash(p.address) },
    {
      key: 'coords',
      label: t('project.coordinates'),
      children: p.longitude && p.latitude ? `${p.longitude}, ${p.latitude}` : '-',
    },
    { key: 'owner', label: t('field.ownerUnitId'), children: dash(p.owner.name) },
    { key: 'contractor', label: t('field.contractorUnitId'), children: dash(p.contractor.name) },
    { key: 'supervisor', label: t('field.supervisorUnitId'), children: dash(p.supervisor.name) },
    { key: 'agent', label: t('field.agentUnitId'), children: dash(p.agent.name) },
    { key: 'designer', label: t('field.designerUnitId'), children: dash(p.designer.name) },
    {
      key: 'basis',
      label: t('field.basisDoc'),
      children: [p.basisDoc, p.basisDocNo].filter(Boolean).join(' ') || '-',
    },
    { key: 'tags', label: t('field.tags'), children: tags(p.tags, tag), span: 2 },
    { key: 'ps', label: t('field.plannedStart'), children: dash(p.plannedStart) },
    { key: 'as', label: t('field.actualStart'), children: dash(p.actualStart) },
    { key: 'pc', label: t('field.plannedCompletion'), children: dash(p.plannedCompletion) },
    { key: 'ac', label: t('field.actualCompletion'), children: dash(p.actualCompletion) },
    { key: 'pp', label: t('field.plannedProduction'), children: dash(p.plannedProduction) },
    { key: 'ap', label: t('field.actualProduction'), children: dash(p.actualProduction) },
    { key: 'rf', label: t('field.reportsFrom'), children: p.reportsFrom },
  ];

  return (
    <>
      {access.editor && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
            {t('action.edit')}
          </Button>
        </Space>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('project.stageHistory')}
      </Typography.Title>
      {history.data?.length ? (
        <Timeline
          items={history.data.map((h, i) => ({
            key: i,
            content: (
              <Space wrap>
                <Typography.Text type="secondary">{h.date}</Typography.Text>
                <StageTag stage={h.stage} />
                {h.reason && <Typography.Text>{h.reason}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">
          {history.isLoading ? t('common.loading') : t('common.none')}
        </Typography.Text>
      )}
      {editing && <ProjectForm editing={p} onClose={() => setEditing(false)} />}
      {staging && <StageChangeModal p={p} onClose={() => setStaging(false)} />}
    </>
  );
}
