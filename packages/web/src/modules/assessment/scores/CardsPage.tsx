// 红黄牌 (issue 15): the warnings issued to units, by year, colour, status and unit; the office
// issues one by hand with a reason and exports the list.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { Link } from 'react-router';
import { cardColors, cardCreate, cardStatuses, type WarningCard } from '@ducha/contract';
import { exportCards, useCards, useIssueCard } from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { formatDateTime, todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { managerRoles } from './logic.ts';
import { CardTag, useScoreLabels } from './parts.tsx';

type Filters = {
  year?: number;
  color?: string;
  status?: string;
  unitId?: number;
};

export default function CardsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const labels = useScoreLabels();
  const onError = useApiError();
  const table = useTableState<Filters>({ year: Number(todayInShanghai().slice(0, 4)) });
  const f = table.state.filters;
  const query = useCards(table.params);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const office = can('score.write') && managerRoles.includes(me.role);
  const doExport = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...params } = table.params;
      await exportCards(params);
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };
  const columns = [
    {
      title: t('score.noticeNo'),
      dataIndex: 'noticeNo',
      render: (no: string, c: WarningCard) => (
        <Link to={`/scores/cards/${c.id}`} data-testid={`card-link-${c.id}`}>
          {no}
        </Link>
      ),
    },
    {
      title: t('score.color'),
      dataIndex: 'color',
      render: (c: WarningCard['color']) => <CardTag color={c} />,
    },
    { title: t('field.unit'), dataIndex: 'unitName' },
    {
      title: t('score.month'),
      key: 'month',
      render: (_: unknown, c: WarningCard) => `${c.year}-${String(c.month).padStart(2, '0')}`,
    },
    { title: t('score.trigger'), dataIndex: 'trigger', render: (v: string) => labels.of('trigger', v) },
    { title: t('score.triggerDetail'), dataIndex: 'triggerDetail', width: 280 },
    { title: t('field.status'), dataIndex: 'status', render: (v: string) => labels.of('cardStatus', v) },
    { title: t('score.issuedAt'), dataIndex: 'issuedAt', render: formatDateTime },
  ];
  return (
    <ListPage<WarningCard, Filters>
      title={t('menu.warningCards')}
      testId="cards"
      create={office && { label: t('score.issueCard'), onClick: () => setIssuing(true) }}
      table={table}
      query={query}
      searchPlaceholder={t('score.cardSearch')}
      filters={
        <Space wrap>
          <InputNumber
            value={f.year}
            min={2000}
            max={2100}
            onChange={(y) => table.setFilter({ year: y ?? undefined })}
            style={{ width: 90 }}
          />
          <Select<string>
            allowClear
            value={f.color}
            placeholder={t('score.color')}
            style={{ width: 100 }}
            onChange={(v) => table.setFilter({ color: v ?? undefined })}
            options={cardColors.map((c) => ({ value: c, label: labels.of('color', c) }))}
          />
          <Select<string>
            allowClear
            value={f.status}
            placeholder={t('field.status')}
            style={{ width: 110 }}
            onChange={(v) => table.setFilter({ status: v ?? undefined })}
            options={cardStatuses.map((s) => ({ value: s, label: labels.of('cardStatus', s) }))}
            data-testid="cards-filter-status"
          />
          {me.role !== 'unit' && (
            <UnitSelect value={f.unitId} onChange={(v) => table.setFilter({ unitId: v ?? undefined })} />
          )}
          <Button onClick={doExport} loading={exporting}>
            {t('score.export')}
          </Button>
        </Space>
      }
      columns={columns}
    >
      {issuing && <IssueCardForm onClose={() => setIssuing(false)} />}
    </ListPage>
  );
}

interface IssueValues {
  regionCode?: string;
  unitId?: number;
  color?: 'yellow' | 'red';
  year?: number;
  month?: number;
  reason?: string;
}

function IssueCardForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const labels = useScoreLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueCard();
  const onError = useApiError();
  const zf = zodForm(cardCreate, t('form.required'));
  const regionCode = Form.useWatch('regionCode', form);
  const [y, m] = todayInShanghai().split('-').map(Number) as [number, number];
  const submit = async () => {
    const v = await form.validateFields();
    const body = zf.parse(form, { ...v });
    if (body)
      issue.mutate(body, {
        onSuccess: () => {
          message.success(t('score.cardIssued'));
          onClose();
        },
        onError: (e) => onError(e, form),
      });
  };
  return (
    <FormDrawer
      title={t('score.issueCard')}
      onClose={onClose}
      onSave={submit}
      saving={issue.isPending}
      testId="card-issue-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ regionCode: me.regionCode ?? undefined, color: 'yellow', year: y, month: m }}
      >
        <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('field.unit')} {...zf.item('unitId')}>
          <UnitSelect regionCode={regionCode} />
        </Form.Item>
        <Form.Item name="color" label={t('score.color')} {...zf.item('color')}>
          <Radio.Group options={cardColors.map((c) => ({ value: c, label: labels.of('color', c) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('score.year')} {...zf.item('year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="month" label={t('score.month')} {...zf.item('month')}>
          <InputNumber min={1} max={12} />
        </Form.Item>
        <Form.Item name="reason" label={t('score.cardReason')} {...zf.item('reason')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="card-issue-reason" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
