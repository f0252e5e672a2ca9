// Drawer with a position: current holder, holder history, change-holder action and audit timeline.
import { useState } from 'react';
import { Button, Descriptions, Divider, Drawer, Skeleton, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { holding } from '@ducha/contract';
import { usePosition } from '../../api/org.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { ActiveTag } from '../../components/StatusTag.tsx';
import { formatDate } from '../../components/format.ts';
import { HolderChangeForm } from './HolderChangeForm.tsx';

type Holding = z.infer<typeof holding>;

export function PositionDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { data: p, isLoading } = usePosition(id);
  const [changing, setChanging] = useState(false);

  const columns = [
    { title: t('position.holder'), dataIndex: 'personName' },
    { title: t('position.startDate'), dataIndex: 'startDate', render: formatDate },
    {
      title: t('position.endDate'),
      dataIndex: 'endDate',
      render: (v: string | null) => (v ? formatDate(v) : <Tag color="green">{t('position.current')}</Tag>),
    },
    { title: t('position.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '-' },
  ];

  return (
    <Drawer
      open
      size={680}
      title={p?.name ?? t('position.detail')}
      onClose={onClose}
      extra={
        p &&
        can('org.write') &&
        p.active && (
          <Button
            type="primary"
            icon={<SwapOutlined />}
            onClick={() => setChanging(true)}
            data-testid="change-holder"
          >
            {t('position.changeHolder')}
          </Button>
        )
      }
    >
      {isLoading || !p ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('position.name')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              <ActiveTag active={p.active} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.unit')}>{p.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('position.holder')}>
              {p.holderName ?? <Tag color="orange">{t('position.vacant')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">
            <Typography.Text strong>{t('position.history')}</Typography.Text>
          </Divider>
          <Table<Holding>
            size="small"
            rowKey={(h) => `${h.personId}-${h.startDate}`}
            columns={columns}
            dataSource={p.holders}
            pagination={false}
            locale={{ emptyText: t('position.noHistory') }}
          />
          <Divider titlePlacement="start">
            <Typography.Text strong>{t('audit.timeline')}</Typography.Text>
          </Divider>
          <AuditTimeline entity="position" id={String(p.id)} />
          {changing && <HolderChangeForm position={p} onClose={() => setChanging(false)} />}
        </>
      )}
    </Drawer>
  );
}
