// 月度调度: a region's month close: run (idempotent) and publish (frozen), then its indicators per dimension.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CalculatorOutlined, SendOutlined } from '@ant-design/icons';
import { indicatorDimensions } from '@ducha/contract';
import { useMonthClose, usePublishClose, useRunClose } from '../../api/reports.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatDateTime } from '../../components/format.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useDictLabel } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { closeReaderRoles, isOffice } from '../../app/access.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { lastMonth, thisMonth } from '../../components/period.ts';
import { IndicatorTable } from './IndicatorTable.tsx';

function MonthClose() {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const office = isOffice(me.role);
  const { message } = App.useApp();
  const onError = useApiError();
  const [regionCode, setRegionCode] = useState<string | undefined>(me.regionCode ?? undefined);
  const [month, setMonth] = useState(lastMonth);
  const close = useMonthClose(regionCode, month);
  const sectorLabel = useDictLabel('sector');
  const run = useRunClose();
  const publish = usePublishClose();
  const c = close.data;
  const published = c?.status === 'published';
  // the server refuses a month that has not ended (Asia/Shanghai): say so before the click
  const notEnded = month >= thisMonth();
  // reports of the month the office has not finished with: the publish confirmation names them
  const waiting = !!c && c.unverifiedReports + c.returnedReports > 0;
  const dims = c
    ? [
        ...indicatorDimensions.filter((d) => c.indicators[d]),
        ...Object.keys(c.indicators).filter((d) => !indicatorDimensions.includes(d as never)),
      ]
    : [];

  const onRun = () =>
    regionCode && run.mutateAsync({ regionCode, month }).then(() => message.success(t('close.ran')), onError);
  const onPublish = () =>
    regionCode &&
    publish.mutateAsync({ regionCode, month }).then(() => message.success(t('close.publishedOk')), onError);

  return (
    <Card title={t('menu.monthClose')} variant="borderless">
      <Space wrap style={{ marginBottom: 16 }}>
        <RegionSelect value={regionCode} onChange={setRegionCode} allowClear={false} />
        <MonthInput value={month} onChange={setMonth} testId="close-month" />
        {office && (
          <Button
            icon={<CalculatorOutlined />}
            onClick={onRun}
            loading={run.isPending}
            disabled={!regionCode || published || notEnded}
            data-testid="close-run"
          >
            {c ? t('close.rerun') : t('close.run')}
          </Button>
        )}
        {office && notEnded && (
          <Typography.Text type="warning" data-testid="close-not-ended">
            {t('close.notEnded', { month })}
          </Typography.Text>
        )}
        {office && c && !published && !notEnded && (
          <Popconfirm
            title={t('close.publishConfirm')}
            description={
              waiting ? (
                <div style={{ maxWidth: 360 }} data-testid="close-publish-pending">
                  {t('close.publishPending', {
                    unverified: c.unverifiedReports,
                    returned: c.returnedReports,
                  })}
                </div>
              ) : undefined
            }
            okText={waiting ? t('close.publishAnyway') : undefined}
            okButtonProps={{ 'data-testid': 'close-publish-ok' }}
            onConfirm={onPublish}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={publish.isPending}
              data-testid="close-publish"
            >
              {t('close.publish')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {office && <Typography.Paragraph type="secondary">{t('close.help')}</Typography.Paragraph>}
      {close.error ? (
        <Alert type="error" showIcon title={close.error.message} />
      ) : close.isLoading ? (
        <Skeleton active />
      ) : !c ? (
        <Empty description={t('close.notRun', { month })} />
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 4 }}
            style={{ marginBottom: 16 }}
            data-testid="close-status"
          >
            <Descriptions.Item label={t('field.status')}>
              <Tag color={published ? 'success' : 'processing'}>
                {t(published ? 'close.status.published' : 'close.status.computed')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('close.computedAt')}>
              {formatDateTime(c.computedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('close.publishedAt')}>
              {formatDateTime(c.publishedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('close.rulesVersion')}>
              {c.rulesVersion || t('rules.default')}
            </Descriptions.Item>
            <Descriptions.Item label={t('close.pending')} span={{ xs: 1, md: 4 }}>
              <Space data-testid="close-pending">
                <span>
                  {t('close.pendingValue', { unverified: c.unverifiedReports, returned: c.returnedReports })}
                </span>
                {office && c.unverifiedReports > 0 && (
                  <Link to={`/reports/queue?month=${month}`}>{t('close.toQueue')}</Link>
                )}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={dims.map((d) => ({
              key: d,
              label: L.dimension(d),
              children: (
                <IndicatorTable
                  rows={c.indicators[d] ?? []}
                  testId={`indicators-${d}`}
                  label={d === 'sector' ? (r) => sectorLabel(r.key) : undefined}
                />
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}

export default function MonthClosePage() {
  const me = useMe();
  return closeReaderRoles.includes(me.role) ? <MonthClose /> : <ForbiddenPage />;
}
