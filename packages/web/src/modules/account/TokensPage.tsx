// Personal API tokens: list, create (the secret is shown once), revoke.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { apiTokenCreate, type ApiToken } from '@ducha/contract';
import { useCreateToken, useRevokeToken, useTokens, type ApiTokenCreated } from '../../api/auth.ts';
import { useT } from '../../app/i18n.tsx';
import { zodForm } from '../../components/zodForm.ts';
import { useApiError } from '../../components/useApiError.ts';
import { formatDateTime } from '../../components/format.ts';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { PageCard } from '../../components/StatusTag.tsx';

function TokenStatus({ token }: { token: ApiToken }) {
  const t = useT();
  if (token.revokedAt) return <Tag>{t('token.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now())
    return <Tag color="orange">{t('token.expired')}</Tag>;
  return <Tag color="success">{t('token.valid')}</Tag>;
}

export default function TokensPage() {
  const t = useT();
  const { message } = App.useApp();
  const { data, isLoading } = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const onError = useApiError();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const zf = zodForm(apiTokenCreate, t('form.required'));

  const submit = async () => {
    const body = zf.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      const res = await create.mutateAsync(body);
      setOpen(false);
      form.resetFields();
      setCreated(res);
    } catch (e) {
      onError(e, form);
    }
  };

  const columns = [
    { title: t('token.name'), dataIndex: 'name' },
    {
      title: t('token.prefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t('field.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('token.lastUsed'), dataIndex: 'lastUsedAt', render: formatDateTime },
    {
      title: t('token.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('token.never')),
    },
    {
      title: t('field.status'),
      key: 'status',
      render: (_: unknown, r: ApiToken) => <TokenStatus token={r} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: ApiToken) =>
        r.revokedAt ? null : (
          <Popconfirm
            title={t('token.revokeConfirm', { name: r.name })}
            onConfirm={() =>
              revoke.mutateAsync(r.id).then(
                () => message.success(t('token.revokedOk')),
                (e) => onError(e),
              )
            }
          >
            <Button type="link" danger size="small">
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageCard
      title={t('menu.tokens')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('token.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.help')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items}
        columns={columns}
        pagination={false}
      />
      <Modal
        open={open}
        title={t('token.create')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ expiresInDays: 90 }} preserve={false}>
          <Form.Item name="name" label={t('token.name')} {...zf.item('name')}>
            <Input placeholder={t('token.namePlaceholder')} maxLength={50} />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t('token.expiresInDays')}
            extra={t('token.expiresHelp')}
            {...zf.item('expiresInDays')}
          >
            <InputNumber min={1} max={3650} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
      <OneTimeSecret
        open={!!created}
        title={t('token.createdTitle')}
        description={created ? t('token.createdFor', { name: created.apiToken.name }) : undefined}
        secret={created?.token ?? ''}
        onClose={() => setCreated(null)}
      />
    </PageCard>
  );
}
