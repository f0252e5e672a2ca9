// 年度稽察计划: the plan of a year (the user's region), its themes with their rules, counts and pools, its check items, approval.
import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { checkCategories, type CheckItem, type InspectionTheme } from '@ducha/contract';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { categoryOptions } from '../../../components/category.ts';
import { useDictLabel } from '../../../components/pickers.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import {
  useAddCheckItem,
  useApprovePlan,
  useCreatePlan,
  useDeleteCheckItem,
  useDeleteTheme,
  usePlan,
  usePlans,
  usePool,
} from './api.ts';
import { ThemeForm } from './ThemeForm.tsx';
import { ruleText } from './themeRule.ts';

const thisYear = new Date().getFullYear();

export default function PlanPage() {
  const t = useT();
  const L = useLabels();
  const can = useCan();
  const dict = {
    sectors: useDictLabel('sector'),
    tags: useDictLabel('tag'),
    fundingSources: useDictLabel('funding_source'),
  };
  const category = useDictLabel('item_category');
  const me = useMe();
  const { modal, message } = App.useApp();
  const writable = can('inspection.write');
  const onError = useApiError();
  const [year, setYear] = useState(thisYear);
  const plans = usePlans({ year, regionCode: me.regionCode ?? undefined, pageSize: 50 });
  const planId =
    plans.data?.items.find((p) => p.regionCode === me.regionCode)?.id ?? plans.data?.items[0]?.id;
  const plan = usePlan(planId);
  const approve = useApprovePlan();
  const createPlan = useCreatePlan();
  const delTheme = useDeleteTheme();
  const addItem = useAddCheckItem();
  const delItem = useDeleteCheckItem();
  const [editing, setEditing] = useState<InspectionTheme | null | undefined>(undefined);
  const [poolOf, setPoolOf] = useState<InspectionTheme | null>(null);
  const [itemForm] = Form.useForm();
  const p = plan.data;
  const canEdit = !!p?.canEdit;

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      onError(e);
    }
  };
  const newPlan = () =>
    me.regionCode &&
    run(() =>
      createPlan.mutateAsync({ regionCode: me.regionCode!, year, title: `${year}年度重大建设项目稽察计划` }),
    );
  const doApprove = () =>
    p &&
    modal.confirm({
      title: t('ilib.approve'),
      content: t('ilib.approveConfirm'),
      onOk: () => run(() => approve.mutateAsync({ id: p.id, version: p.version })),
    });
  const addCheckItem = async () => {
    const v = await itemForm.validateFields();
    await run(async () => {
      await addItem.mutateAsync({
        planId: p!.id,
        themeId: v.themeId ?? null,
        category: v.category,
        content: v.content,
        basis: v.basis ?? '',
      });
      itemForm.resetFields();
      message.success(t('common.activated'));
    });
  };

  const themeColumns = [
    { title: t('ilib.themeName'), dataIndex: 'name' },
    {
      title: t('ilib.quarters'),
      dataIndex: 'quarterCounts',
      render: (q: number[]) => q.join(' / '),
    },
    {
      title: t('ilib.rule'),
      dataIndex: 'rule',
      render: (r: InspectionTheme['rule']) => ruleText(r, t, L, dict),
    },
    {
      title: t('ilib.pool'),
      dataIndex: 'poolCount',
      render: (n: number, th: InspectionTheme) => (
        <a onClick={() => setPoolOf(th)} data-testid={`pool-${th.name}`}>
          {t('ilib.poolCount', { n })}
        </a>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, th: InspectionTheme) => (
              <Space>
                <a onClick={() => setEditing(th)}>{t('action.edit')}</a>
                <Popconfirm
                  title={t('ilib.removeConfirm')}
                  onConfirm={() => run(() => delTheme.mutateAsync(th.id))}
                >
                  <a>{t('action.remove')}</a>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const themeName = (id: number | null) =>
    id === null ? t('ilib.allThemes') : (p?.themes.find((x) => x.id === id)?.name ?? '-');
  const itemColumns = [
    { title: t('ilib.category'), dataIndex: 'category', render: category },
    { title: t('ilib.content'), dataIndex: 'content' },
    { title: t('ilib.basis'), dataIndex: 'basis' },
    { title: t('ilib.theme'), dataIndex: 'themeId', render: themeName },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, c: CheckItem) => (
              <Popconfirm
                title={t('ilib.removeConfirm')}
                onConfirm={() => run(() => delItem.mutateAsync(c.id))}
              >
                <a>{t('action.remove')}</a>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageCard
      title={t('menu.inspectionPlans')}
      extra={
        <Space>
          <InputNumber
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && setYear(v)}
            data-testid="plan-year"
            addonBefore={t('ilib.year')}
          />
          {p?.canApprove && (
            <Button type="primary" onClick={doApprove} data-testid="plan-approve">
              {t('ilib.approve')}
            </Button>
          )}
        </Space>
      }
    >
      {!p ? (
        <Empty description={t('ilib.noPlan')}>
          {writable && me.regionCode && (
            <Button type="primary" onClick={newPlan} loading={createPlan.isPending} data-testid="plan-create">
              {t('ilib.createPlan')}
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('ilib.title')}>{p.title}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              {p.status === 'approved' ? (
                <Tag color="green">{t('ilib.approved')}</Tag>
              ) : (
                <Tag>{t('ilib.draft')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>{p.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('ilib.createdBy')}>{p.createdBy ?? '-'}</Descriptions.Item>
            {p.approvedBy && (
              <Descriptions.Item
                label={t('ilib.approvedBy')}
              >{`${p.approvedBy} ${p.approvedAt?.slice(0, 10) ?? ''}`}</Descriptions.Item>
            )}
            {p.notes && <Descriptions.Item label={t('ilib.notes')}>{p.notes}</Descriptions.Item>}
          </Descriptions>
          <Space style={{ marginBottom: 8 }}>
            <h3 style={{ margin: 0 }}>{t('ilib.themes')}</h3>
            {canEdit && (
              <Button size="small" onClick={() => setEditing(null)} data-testid="theme-create">
                {t('ilib.addTheme')}
              </Button>
            )}
            {p.status === 'approved' && <Tag>{t('ilib.frozen')}</Tag>}
          </Space>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={themeColumns}
            dataSource={p.themes}
            style={{ marginBottom: 24 }}
          />
          <h3>{t('ilib.checkItems')}</h3>
          {canEdit && (
            <Form form={itemForm} layout="inline" style={{ marginBottom: 8 }}>
              <Form.Item name="category" rules={[{ required: true, message: t('form.required') }]}>
                <Select
                  placeholder={t('ilib.category')}
                  style={{ width: 120 }}
                  options={categoryOptions(checkCategories, category)}
                />
              </Form.Item>
              <Form.Item name="content" rules={[{ required: true, message: t('form.required') }]}>
                <Input placeholder={t('ilib.content')} style={{ width: 280 }} maxLength={500} />
              </Form.Item>
              <Form.Item name="basis">
                <Input placeholder={t('ilib.basis')} style={{ width: 200 }} maxLength={500} />
              </Form.Item>
              <Form.Item name="themeId">
                <Select
                  allowClear
                  placeholder={t('ilib.allThemes')}
                  style={{ width: 180 }}
                  options={p.themes.map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Button onClick={addCheckItem}>{t('ilib.addCheckItem')}</Button>
            </Form>
          )}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={itemColumns}
            dataSource={p.checkItems}
          />
        </>
      )}
      {editing !== undefined && p && (
        <ThemeForm planId={p.id} editing={editing} onClose={() => setEditing(undefined)} />
      )}
      {poolOf && <PoolModal theme={poolOf} onClose={() => setPoolOf(null)} />}
    </PageCard>
  );
}

function PoolModal({ theme, onClose }: { theme: InspectionTheme; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const pool = usePool(theme.id, { page, pageSize: 10 });
  return (
    <Modal open width={900} title={t('ilib.poolOf', { name: theme.name })} onCancel={onClose} footer={null}>
      <Table
        rowKey="id"
        size="small"
        loading={pool.isFetching}
        dataSource={pool.data?.items}
        pagination={{
          current: page,
          pageSize: 10,
          total: pool.data?.total,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
        }}
        columns={[
          { title: t('ilib.projectCode'), dataIndex: 'code' },
          { title: t('ilib.projectName'), dataIndex: 'name' },
          { title: t('field.region'), dataIndex: 'regionCode' },
          { title: t('ilib.owner'), dataIndex: 'ownerUnit', render: (v: string | null) => v ?? '-' },
          { title: t('ilib.totalInvestment'), dataIndex: 'totalInvestment', align: 'right' as const },
        ]}
      />
    </Modal>
  );
}
