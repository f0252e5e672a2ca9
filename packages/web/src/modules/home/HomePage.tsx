// Workbench: what waits for me first (待办, by role), then who I am, my scope, and shortcuts.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { roleScope } from '@ducha/contract';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { usePageLinks } from '../../app/pageLinks.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { WorkCard } from './WorkCard.tsx';

export interface HomePageProps {
  /** Other modules' cards below the welcome (the unit's items to act on). */
  cards?: ReactNode;
}

export default function HomePage({ cards }: HomePageProps) {
  const me = useMe();
  const t = useT();
  const L = useLabels();
  const links = usePageLinks().filter((r) => r.path !== '/');
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={14}>
        {me.role !== 'expert' && me.role !== 'inspector' && (
          <div style={{ marginBottom: 24 }}>
            <WorkCard title={me.role === 'leader' ? t('work.instructions') : undefined} />
          </div>
        )}
        <Card variant="borderless" data-testid="welcome-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.username')}>{me.username}</Descriptions.Item>
            <Descriptions.Item label={t('field.role')}>
              <Tag color="blue">{L.role(me.role)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.scope')}>
              {t(`scope.${roleScope[me.role]}` as MsgKey)}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>
              {me.regionName}（{me.regionCode}）
            </Descriptions.Item>
            <Descriptions.Item label={t('field.unit')}>{me.unitName ?? t('common.none')}</Descriptions.Item>
          </Descriptions>
        </Card>
        {cards}
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('home.shortcuts')} variant="borderless">
          <Row gutter={[12, 12]}>
            {links.map((r) => (
              <Col span={12} key={r.path}>
                <Link to={r.path}>
                  <Card size="small" hoverable>
                    <span style={{ marginRight: 8 }}>{r.icon}</span>
                    {t(r.label)}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
