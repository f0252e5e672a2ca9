// One draw: its draft (edit, publish), then the sources' values entered and the draw run, an
// expert's decline with its reason (the substitute drawn by the next step), the inspections created;
// the document with its hash throughout, verifiable in the browser.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Descriptions, Form, Input, Modal, Select, Space, Spin, Tag } from 'antd';
import type { DrawDetail } from '@ducha/contract';
import { useCan } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { PageCard } from '../../../components/StatusTag.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { DrawDocumentView } from '../../../components/DrawDocumentView.tsx';
import { useDraw, useDrawAction, useUpdateDraw } from './api.ts';
import { DrawForm } from './DrawForm.tsx';

function Actions({ d }: { d: DrawDetail }) {
  const t = useT();
  const { modal } = App.useApp();
  const onError = useApiError();
  const act = useDrawAction(d.id);
  const update = useUpdateDraw(d.id);
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [form] = Form.useForm();
  const run = (path: string, body: unknown) =>
    act.mutateAsync({ path, body }).catch((e: unknown) => onError(e));
  const picks = d.document?.result?.picks ?? [];
  const experts = picks.filter((p) => p.kind === 'expert' && !p.declined);
  return (
    <Space wrap>
      {d.status === 'draft' && (
        <>
          <Button onClick={() => setEditing(true)}>{t('draw.edit')}</Button>
          <Button
            type="primary"
            onClick={() =>
              modal.confirm({
                title: t('draw.publishConfirm'),
                onOk: () => run('publish', { version: d.version }),
              })
            }
          >
            {t('draw.publish')}
          </Button>
          <DrawForm
            open={editing}
            withPlan={false}
            initial={{ ...d, projects: d.projects, siteOn: d.siteOn }}
            onCancel={() => setEditing(false)}
            onSubmit={async (b) => {
              const { planId: _p, ...rest } = b;
              const projects = rest.projects.map((p) => ({ ...p, projectIds: p.projectIds.map(Number) }));
              await update.mutateAsync({ ...rest, projects, version: d.version });
              setEditing(false);
            }}
          />
        </>
      )}
      {d.status === 'published' && (
        <Button type="primary" onClick={() => setEntering(true)}>
          {t('draw.enter')}
        </Button>
      )}
      {d.status === 'drawn' && !d.inspectionIds.length && (
        <>
          <Button onClick={() => setDeclining(true)}>{t('draw.decline')}</Button>
          <Button type="primary" onClick={() => run('inspections', { version: d.version })}>
            {t('draw.createInspections')}
          </Button>
        </>
      )}
      {d.inspectionIds.length > 0 && (
        <Tag color="green">{t('draw.inspections', { n: d.inspectionIds.length })}</Tag>
      )}
      <Modal
        open={entering}
        title={t('draw.enter')}
        destroyOnHidden
        onCancel={() => setEntering(false)}
        onOk={async () => {
          const v = (await form.validateFields()) as { values: string[] };
          const values = v.values.map((s) =>
            s
              .trim()
              .split(/[\s,，、]+/)
              .filter(Boolean),
          );
          await run('draw', { version: d.version, values });
          setEntering(false);
        }}
      >
        <Form form={form} layout="vertical">
          {d.sources.map((s, n) => (
            <Form.Item
              key={s.name}
              name={['values', n]}
              label={t('draw.values', { name: `${s.name}（${s.on}）` })}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <Modal
        open={declining}
        title={t('draw.decline')}
        destroyOnHidden
        onCancel={() => setDeclining(false)}
        onOk={async () => {
          const v = (await form.validateFields()) as { ordinal: number; reason: string };
          await run(`picks/${v.ordinal}/decline`, { version: d.version, reason: v.reason });
          setDeclining(false);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="ordinal" label={t('draw.label')} rules={[{ required: true }]}>
            <Select
              options={experts.map((p) => ({ value: p.ordinal, label: `${p.stratum} ${p.seq} ${p.label}` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('draw.declineReason')} rules={[{ required: true }]}>
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default function DrawPage() {
  const t = useT();
  const L = useLabels();
  const can = useCan();
  const { id = '' } = useParams();
  const { data: d } = useDraw(id);
  if (!d) return <Spin />;
  return (
    <PageCard title={d.title} extra={can('inspection.write') && <Actions d={d} />}>
      <Space vertical size="large" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('draw.status')}>
            <Tag>{L.drawStatus(d.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.region')}>{d.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('draw.year')}>{d.planYear}</Descriptions.Item>
          <Descriptions.Item label={t('draw.siteOn')}>{d.siteOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('draw.projects')} span={2}>
            {d.projects.map((p) => `#${p.themeId}: ${p.count} / ${p.projectIds.length}`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.experts')} span={2}>
            {d.experts.map((e) => `${e.specialty} ${e.count}`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.sources')} span={2}>
            {d.sources.map((s) => `${s.name}（${s.on}）`).join('；')}
          </Descriptions.Item>
        </Descriptions>
        {d.status !== 'draft' && <Link to={`/public/draws/${d.id}`}>{t('public.draws')}</Link>}
        {d.document && <DrawDocumentView doc={d.document} />}
      </Space>
    </PageCard>
  );
}
