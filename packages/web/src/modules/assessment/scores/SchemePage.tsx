// The scheme editor (考核方案): base score, the rules (enabled, points, caps, weight), the ranking
// groups (units of the region), the tie rule, the 红黑榜 sizes and conditions and the 红黄牌 triggers.
// A draft is saved (a version conflict says so), activated or deleted; an active or retired revision
// is read-only and 修订 copies it into a new draft. 预览 applies the saved scheme to last month.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { schemeUpdate } from '@ducha/contract';
import { detailPathToField, isApiError } from '../../../api/client.ts';
import {
  useActivateScheme,
  useDeleteScheme,
  useReviseScheme,
  useScheme,
  useUpdateScheme,
} from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { managerRoles } from './logic.ts';
import { SchemeConfigFields } from './SchemeConfigFields.tsx';
import { SchemePreview } from './SchemePreview.tsx';
import { issuesToFields, schemeToValues, valuesToBody, type SchemeValues } from './schemeForm.ts';
import { useScoreLabels } from './parts.tsx';

export default function SchemePage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const labels = useScoreLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  const { id } = useParams();
  const query = useScheme(id && /^\d+$/.test(id) ? Number(id) : null);
  const update = useUpdateScheme();
  const activate = useActivateScheme();
  const revise = useReviseScheme();
  const remove = useDeleteScheme();
  const [form] = Form.useForm();
  const [conflict, setConflict] = useState(false);
  const s = query.data;
  // the form follows the saved revision (a new version), not every background refetch over edits
  const loaded = s ? `${s.id}:${s.version}` : '';
  useEffect(() => {
    if (s) form.setFieldsValue(schemeToValues(s));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, form]);
  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!s) return <Spin />;
  const office = can('score.write') && managerRoles.includes(me.role);
  const editable = office && s.status === 'draft';
  const version = { id: s.id, version: s.version };

  // server errors land on their fields (deep paths: rules, groups), a conflict shows above the form
  const fail = (e: unknown) => {
    if (isApiError(e) && e.code === 'VERSION_CONFLICT') return setConflict(true);
    if (isApiError(e) && e.details.length) {
      form.setFields(
        issuesToFields(e.details.map((d) => ({ path: detailPathToField(d.path), message: d.message }))),
      );
    }
    onError(e);
  };
  const save = async () => {
    const v = form.getFieldsValue(true) as SchemeValues;
    const r = schemeUpdate.safeParse(valuesToBody(v, s.version));
    if (!r.success) {
      form.setFields(issuesToFields(r.error.issues));
      return message.error(t('score.schemeInvalid'));
    }
    update.mutate(
      { id: s.id, ...r.data },
      { onSuccess: () => message.success(t('score.schemeSaved')), onError: fail },
    );
  };
  return (
    <Card
      title={
        <Space>
          <span>{s.name}</span>
          <Tag>{t('score.revisionN', { n: s.revision })}</Tag>
          <Tag
            color={s.status === 'active' ? 'green' : s.status === 'draft' ? 'gold' : 'default'}
            data-testid="scheme-status"
          >
            {labels.of('schemeStatus', s.status)}
          </Tag>
        </Space>
      }
      extra={
        office && (
          <Space>
            {editable && (
              <Button type="primary" onClick={save} loading={update.isPending} data-testid="scheme-save">
                {t('action.save')}
              </Button>
            )}
            {editable && (
              <Popconfirm
                title={t('score.activateConfirm')}
                onConfirm={() =>
                  activate.mutate(version, {
                    onSuccess: () => message.success(t('score.schemeActivated')),
                    onError: fail,
                  })
                }
              >
                <Button loading={activate.isPending} data-testid="scheme-activate">
                  {t('score.activate')}
                </Button>
              </Popconfirm>
            )}
            {!editable && (
              <Button
                onClick={() =>
                  revise.mutate(version, {
                    onSuccess: (n) => {
                      message.success(t('score.schemeRevised'));
                      void navigate(`/scores/schemes/${n.id}`);
                    },
                    onError: fail,
                  })
                }
                loading={revise.isPending}
                data-testid="scheme-revise"
              >
                {t('score.revise')}
              </Button>
            )}
            {editable && (
              <Popconfirm
                title={t('score.deleteConfirm')}
                onConfirm={() =>
                  remove.mutate(version, {
                    onSuccess: () => {
                      message.success(t('score.schemeDeleted'));
                      void navigate('/scores/schemes');
                    },
                    onError: fail,
                  })
                }
              >
                <Button danger loading={remove.isPending} data-testid="scheme-delete">
                  {t('action.remove')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('score.schemeMeta', {
          region: s.regionName,
          year: s.year,
          by: s.createdBy ?? '-',
          at: formatDateTime(s.createdAt),
          activated: s.activatedAt ? formatDateTime(s.activatedAt) : '-',
        })}
      </Typography.Paragraph>
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('error.conflictTitle')}
          description={t('score.schemeConflict')}
          action={
            <Button
              size="small"
              onClick={async () => {
                setConflict(false);
                const fresh = await query.refetch();
                if (fresh.data) form.setFieldsValue(schemeToValues(fresh.data));
              }}
            >
              {t('action.reload')}
            </Button>
          }
          data-testid="scheme-conflict"
        />
      )}
      {!editable && office && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('score.readOnlyScheme')} />
      )}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Space wrap align="start">
          <Form.Item name="name" label={t('score.schemeName')} style={{ width: 360 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="notes" label={t('score.notes')} style={{ width: 480 }}>
            <Input.TextArea rows={1} maxLength={2000} />
          </Form.Item>
        </Space>
        <SchemeConfigFields regionCode={s.regionCode} form={form} />
      </Form>
      <SchemePreview scheme={s} />
    </Card>
  );
}
