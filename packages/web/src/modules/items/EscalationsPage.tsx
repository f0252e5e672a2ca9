// 升级建议: open items overdue long enough to climb the ladder; the office escalates (step 升级) or
// dismisses the proposal (暂不升级), each with a written reason.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { dismissProposal } from '@ducha/contract';
import { useDismissProposal, useEscalations, type EscalationProposal } from '../../api/items.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { PageCard } from '../../components/StatusTag.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { itemOfficeRoles } from './access.ts';
import { ItemStatusTag } from './ItemTags.tsx';
import { StepModal } from './StepModal.tsx';

function DismissModal({ p, onClose }: { p: EscalationProposal; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const dismiss = useDismissProposal();
  const onError = useApiError();
  const z = zodForm(dismissProposal, t('form.required'));
  const submit = async () => {
    const body = z.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      await dismiss.mutateAsync({ id: p.item.id, reason: body.reason });
      message.success(t('item.dismissed'));
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <Modal
      open
      title={t('item.stepTitle', { action: t('item.dismiss'), code: p.item.code })}
      onCancel={onClose}
      onOk={submit}
      okText={t('item.dismiss')}
      okButtonProps={{ loading: dismiss.isPending, 'data-testid': 'dismiss-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('item.dismissReason')} {...z.item('reason')}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Escalations() {
  const t = useT();
  const query = useEscalations();
  const [escalating, setEscalating] = useState<EscalationProposal | null>(null);
  const [dismissing, setDismissing] = useState<EscalationProposal | null>(null);
  return (
    <PageCard title={t('menu.itemEscalations')}>
      <Alert type="info" showIcon title={t('item.escalationsHelp')} style={{ marginBottom: 16 }} />
      {query.error && (
        <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<EscalationProposal>
        rowKey={(p) => p.item.id}
        size="middle"
        loading={query.isFetching}
        dataSource={query.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('item.noProposals') }}
        data-testid="escalations-table"
        columns={[
          {
            title: t('item.code'),
            key: 'code',
            render: (_: unknown, p) => <Link to={`/items/${p.item.id}`}>{p.item.code}</Link>,
          },
          {
            title: t('item.title'),
            key: 'title',
            render: (_: unknown, p) => <Link to={`/items/${p.item.id}`}>{p.item.title}</Link>,
          },
          {
            title: t('item.responsibleUnit'),
            key: 'unit',
            render: (_: unknown, p) => p.item.responsibleUnit?.name ?? '-',
          },
          {
            title: t('item.status'),
            key: 'status',
            render: (_: unknown, p) => <ItemStatusTag status={p.item.status} />,
          },
          {
            title: `${t('item.currentLevel')} → ${t('item.proposedLevel')}`,
            key: 'levels',
            render: (_: unknown, p) => (
              <Space size={4}>
                <Tag>{p.item.levelLabel}</Tag>
                <ArrowRightOutlined />
                <Tag color="volcano">{p.proposedLevelLabel}</Tag>
              </Space>
            ),
          },
          {
            title: t('item.overdueDays'),
            key: 'overdue',
            align: 'right',
            render: (_: unknown, p) => (
              <Typography.Text type="danger">{p.item.flags.overdueDays}</Typography.Text>
            ),
          },
          { title: t('item.dueDate'), key: 'due', render: (_: unknown, p) => p.item.dueDate ?? '-' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" type="primary" danger onClick={() => setEscalating(p)}>
                  {t('item.escalate')}
                </Button>
                <Button size="small" onClick={() => setDismissing(p)}>
                  {t('item.dismiss')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {escalating && (
        <StepModal action="escalate" item={escalating.item} onClose={() => setEscalating(null)} />
      )}
      {dismissing && <DismissModal p={dismissing} onClose={() => setDismissing(null)} />}
    </PageCard>
  );
}

export default function EscalationsPage() {
  const me = useMe();
  return itemOfficeRoles.includes(me.role) ? <Escalations /> : <ForbiddenPage />;
}
