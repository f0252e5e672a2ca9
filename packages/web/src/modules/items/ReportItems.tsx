// On a monthly report: 上报问题 (raise a problem from this report) and the problems already raised from it.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Space, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { MonthlyReport } from '@ducha/contract';
import { useItems } from '../../api/items.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { reportRaiserRoles } from './access.ts';
import { ItemForm } from './ItemForm.tsx';
import { ItemStatusTag } from './ItemTags.tsx';

export function ReportItems({
  projectId,
  projectName,
  month,
  report,
}: {
  projectId: number;
  projectName: string;
  month: string;
  report: MonthlyReport | null;
}) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const [raising, setRaising] = useState(false);
  const readable = can('item.read');
  const query = useItems({ projectId, pageSize: 500, sort: '-raisedAt' }, readable && !!report);
  // a report's versions share its month: items raised from an earlier version stay listed
  const items = (query.data?.items ?? []).filter(
    (i) => !!report && i.source === 'report' && (i.reportId === report.id || i.reportMonth === month),
  );
  const mayRaise = can('item.write') && reportRaiserRoles.includes(me.role);
  if (!readable) return null;
  return (
    <Card
      size="small"
      variant="borderless"
      title={t('item.fromReport')}
      style={{ marginTop: 16 }}
      data-testid="report-items"
      extra={
        mayRaise && (
          <Tooltip title={report ? undefined : t('item.raiseSaveFirst')}>
            <Button
              size="small"
              icon={<ExclamationCircleOutlined />}
              disabled={!report}
              onClick={() => setRaising(true)}
              data-testid="report-raise-item"
            >
              {t('item.raise')}
            </Button>
          </Tooltip>
        )
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('item.noneFromReport')} />
      ) : (
        <Space vertical size={6} style={{ width: '100%' }}>
          {items.map((i) => (
            <div key={i.id}>
              <Space wrap>
                <Link to={`/items/${i.id}`}>{i.code}</Link>
                <Typography.Text>{i.title}</Typography.Text>
                <ItemStatusTag status={i.status} />
              </Space>
            </div>
          ))}
        </Space>
      )}
      {raising && report && (
        <ItemForm
          source="report"
          reportId={report.id}
          project={{ id: projectId, name: projectName }}
          context={t('item.reportMonth', { month })}
          onClose={() => setRaising(false)}
        />
      )}
    </Card>
  );
}
