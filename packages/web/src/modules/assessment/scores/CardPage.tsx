// One 红黄牌: its notice (警示通知) with the trigger and figures, the unit's acknowledgement (签收, with
// its measures), the office's lifting (撤销, with a reason), and the notice as Word.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { cardAcknowledge, cardLift, type WarningCard } from '@ducha/contract';
import { downloadNotice, useAcknowledgeCard, useCard, useLiftCard } from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { ledgerLink, managerRoles } from './logic.ts';
import { CardTag, useScoreLabels } from './parts.tsx';

export default function CardPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const labels = useScoreLabels();
  const onError = useApiError();
  const { id } = useParams();
  const query = useCard(id && /^\d+$/.test(id) ? Number(id) : null);
  const [step, setStep] = useState<'ack' | 'lift' | null>(null);
  const c = query.data;
  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!c) return <Spin />;
  const writer = can('score.write');
  const mayAck = writer && c.status === 'issued' && me.role === 'unit' && me.unitId === c.unitId;
  const mayLift = writer && c.status !== 'lifted' && managerRoles.includes(me.role);
  const download = () => downloadNotice(c.id).catch((e: unknown) => onError(e));
  return (
    <Card
      title={
        <Space>
          <CardTag color={c.color} />
          <span data-testid="card-notice-no">{c.noticeNo}</span>
          <Typography.Text type="secondary" data-testid="card-status">
            {labels.of('cardStatus', c.status)}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {mayAck && (
            <Button type="primary" onClick={() => setStep('ack')} data-testid="card-acknowledge">
              {t('score.acknowledge')}
            </Button>
          )}
          {mayLift && (
            <Button danger onClick={() => setStep('lift')} data-testid="card-lift">
              {t('score.lift')}
            </Button>
          )}
          <Button onClick={download} data-testid="card-notice-docx">
            {t('score.noticeDocx')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('field.unit')}>
          {c.unitName}{' '}
          <Link to={ledgerLink(c.unitId, `${c.year}-${String(c.month).padStart(2, '0')}`, c.regionCode)}>
            {t('score.monthRows')}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item
          label={t('score.month')}
        >{`${c.year}-${String(c.month).padStart(2, '0')}`}</Descriptions.Item>
        <Descriptions.Item label={t('score.trigger')}>{labels.of('trigger', c.trigger)}</Descriptions.Item>
        <Descriptions.Item label={t('score.triggerDetail')}>{c.triggerDetail}</Descriptions.Item>
        <Descriptions.Item label={t('score.issuedAt')}>
          {formatDateTime(c.issuedAt)} {c.issuedBy ?? t('score.bySystem')}
        </Descriptions.Item>
        <Descriptions.Item label={t('score.acknowledgedAt')}>
          {c.acknowledgedAt ? `${formatDateTime(c.acknowledgedAt)} ${c.acknowledgedBy ?? ''}` : '-'}
        </Descriptions.Item>
        {c.acknowledgement && (
          <Descriptions.Item label={t('score.measures')} span={2}>
            <span data-testid="card-measures">{c.acknowledgement}</span>
          </Descriptions.Item>
        )}
        {c.liftedAt && (
          <Descriptions.Item label={t('score.liftedAt')} span={2}>
            {formatDateTime(c.liftedAt)} {c.liftedBy ?? ''}：{c.liftReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('score.notice')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="card-notice">
        {c.notice}
      </Typography.Paragraph>
      {step && <CardStepModal card={c} step={step} onClose={() => setStep(null)} />}
    </Card>
  );
}

function CardStepModal({
  card,
  step,
  onClose,
}: {
  card: WarningCard;
  step: 'ack' | 'lift';
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const ack = useAcknowledgeCard();
  const lift = useLiftCard();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pending = ack.isPending || lift.isPending;
  const done = () => {
    message.success(t(step === 'ack' ? 'score.acknowledged' : 'score.lifted'));
    onClose();
  };
  const ok = () => {
    const fail = (e: unknown) => onError(e, undefined, onClose);
    if (step === 'ack') {
      const body = cardAcknowledge.safeParse({ version: card.version, note: text });
      if (!body.success) return setError(body.error.issues[0]?.message ?? t('form.required'));
      ack.mutate({ id: card.id, ...body.data }, { onSuccess: done, onError: fail });
    } else {
      const body = cardLift.safeParse({ version: card.version, reason: text });
      if (!body.success) return setError(body.error.issues[0]?.message ?? t('form.required'));
      lift.mutate({ id: card.id, ...body.data }, { onSuccess: done, onError: fail });
    }
  };
  return (
    <Modal
      open
      title={t(step === 'ack' ? 'score.acknowledge' : 'score.lift')}
      onOk={ok}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'card-step-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(step === 'ack' ? 'score.acknowledgeHelp' : 'score.liftHelp')}
      </Typography.Paragraph>
      <Input.TextArea
        rows={4}
        maxLength={500}
        value={text}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        placeholder={t(step === 'ack' ? 'score.measuresPh' : 'score.liftReasonPh')}
        data-testid="card-step-text"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}
