// Drawer with a person's details, current positions and audit timeline.
import { Descriptions, Divider, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { usePerson } from '../../api/org.ts';
import { useT } from '../../app/i18n.tsx';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { ActiveTag } from '../../components/StatusTag.tsx';

export function PersonDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const { data: p, isLoading } = usePerson(id);
  return (
    <Drawer open size={600} title={p?.name ?? t('person.detail')} onClose={onClose}>
      {isLoading || !p ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('field.personName')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              <ActiveTag active={p.active} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.unit')}>{p.unitName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('field.title')}>{p.title ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('field.phone')}>{p.phone ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('person.account')}>
              {p.hasAccount ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('person.positions')} span={2}>
              {p.positions.length ? (
                <Space wrap>
                  {p.positions.map((pos) => (
                    <Tag key={pos.id} color="geekblue">
                      {pos.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                t('common.none')
              )}
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">
            <Typography.Text strong>{t('audit.timeline')}</Typography.Text>
          </Divider>
          <AuditTimeline entity="person" id={String(p.id)} />
        </>
      )}
    </Drawer>
  );
}
