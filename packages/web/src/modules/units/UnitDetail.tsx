// Drawer with a unit's details (head, liaison, contacts) and its audit timeline.
import { Descriptions, Divider, Drawer, Skeleton, Typography } from 'antd';
import { useUnit } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { ActiveTag } from '../../components/StatusTag.tsx';

export function UnitDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const { data: u, isLoading } = useUnit(id);
  return (
    <Drawer open size={640} title={u?.name ?? t('unit.detail')} onClose={onClose} data-testid="unit-detail">
      {isLoading || !u ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('field.name')} span={2}>
              {u.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.shortName')}>{u.shortName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('field.type')}>{L.unitType(u.type)}</Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>{u.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              <ActiveTag active={u.active} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.headPersonId')}>
              {u.headPersonName ?? t('common.notSet')}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.liaisonPersonId')}>
              {u.liaisonPersonName ?? t('common.notSet')}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.phone')} span={2}>
              {u.phone ?? '-'}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">
            <Typography.Text strong>{t('audit.timeline')}</Typography.Text>
          </Divider>
          <AuditTimeline entity="unit" id={String(u.id)} />
        </>
      )}
    </Drawer>
  );
}
