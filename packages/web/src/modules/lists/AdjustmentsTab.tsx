// A list's adjustment requests (调入/调出/调整批次): requester and reason; another office member decides.
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Empty, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ListAdjustment } from '../../api/projects.ts';
import { useDecideAdjustment } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useMe } from '../../app/auth.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';

const kindColors: Record<ListAdjustment['kind'], string> = {
  add: 'green',
  remove: 'red',
  change_batch: 'blue',
};
const statusColors: Record<ListAdjustment['status'], string> = {
  pending: 'orange',
  approved: 'success',
  rejected: 'default',
};

function DecideModal({ a, approve, onClose }: { a: ListAdjustment; approve: boolean; onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const decide = useDecideAdjustment();
  const onError = useApiError();
  const submit = async () => {
    try {
      await decide.mutateAsync({ id: a.id, approve, note: note.trim() || null });
      message.success(approve ? t('adjust.approved') : t('adjust.rejected'));
      onClose();
    } catch (e) {
      onError(e, undefined, onClose);
    }
  };
  return (
    <Modal
      open
      title={approve ? t('adjust.approveTitle') : t('adjust.rejectTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={approve ? t('adjust.approve') : t('adjust.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'adjust-ok' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Tag color={kindColors[a.kind]}>{L.adjustmentKind(a.kind)}</Tag>
        {a.projectName}
        {a.batch && `（${L.batch(a.batch)}）`}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('adjust.requestedBy', { name: a.requestedBy ?? '-' })}：{a.reason}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('adjust.note')}>
          <Input.TextArea
            rows={3}
            maxLength={300}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AdjustmentsTab({ items, canDecide }: { items: ListAdjustment[]; canDecide: boolean }) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const [only, setOnly] = useState<'pending' | 'all'>('pending');
  const [deciding, setDeciding] = useState<{ a: ListAdjustment; approve: boolean } | null>(null);
  const shown = only === 'pending' ? items.filter((a) => a.status === 'pending') : items;
  const statusLabel = (s: ListAdjustment['status']) => t(`adjust.status.${s}`);

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={only}
          onChange={(v) => setOnly(v as 'pending' | 'all')}
          options={[
            {
              value: 'pending',
              label: t('adjust.onlyPending', { n: items.filter((a) => a.status === 'pending').length }),
            },
            { value: 'all', label: t('adjust.all', { n: items.length }) },
          ]}
        />
        {canDecide && <Typography.Text type="secondary">{t('adjust.fourEyes')}</Typography.Text>}
      </Space>
      <Table<ListAdjustment>
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="list-adjustments"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adjust.none')} /> }}
        columns={[
          {
            title: t('adjust.kind'),
            dataIndex: 'kind',
            render: (k: ListAdjustment['kind']) => <Tag color={kindColors[k]}>{L.adjustmentKind(k)}</Tag>,
          },
          {
            title: t('list.project'),
            dataIndex: 'projectName',
            render: (v: string, a) => <Link to={`/projects/${a.projectId}`}>{v}</Link>,
          },
          {
            title: t('list.batch'),
            dataIndex: 'batch',
            render: (v: string | null) => (v ? L.batch(v) : '-'),
          },
          { title: t('field.reason'), dataIndex: 'reason' },
          {
            title: t('adjust.requester'),
            key: 'req',
            render: (_: unknown, a) => `${a.requestedBy ?? '-'} ${formatDateTime(a.requestedAt)}`,
          },
          {
            title: t('field.status'),
            dataIndex: 'status',
            render: (s: ListAdjustment['status']) => <Tag color={statusColors[s]}>{statusLabel(s)}</Tag>,
          },
          {
            title: t('adjust.decision'),
            key: 'dec',
            render: (_: unknown, a) =>
              a.decidedAt ? (
                <span>
                  {a.decidedBy} {formatDateTime(a.decidedAt)}
                  {a.decisionNote && <Typography.Text type="secondary">：{a.decisionNote}</Typography.Text>}
                </span>
              ) : (
                '-'
              ),
          },
          ...(canDecide
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, a: ListAdjustment) =>
                    a.status === 'pending' && (
                      <Space size={0}>
                        {/* four eyes: nobody approves their own request */}
                        {a.requestedById !== me.id && (
                          <Button type="link" size="small" onClick={() => setDeciding({ a, approve: true })}>
                            {t('adjust.approve')}
                          </Button>
                        )}
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => setDeciding({ a, approve: false })}
                        >
                          {t('adjust.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {deciding && (
        <DecideModal a={deciding.a} approve={deciding.approve} onClose={() => setDeciding(null)} />
      )}
    </>
  );
}
