// 填报与亮灯规则: the reporting calendar and light rules of a region for a year, and the working-day corrections.
import { Fragment, useState, type ReactNode } from 'react';
import { Card, Col, Row, Select, Space, Typography } from 'antd';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { CalendarCard, CorrectionsCard } from './CalendarSettings.tsx';
import { isOffice } from '../../app/access.ts';
import { thisMonth } from '../../components/period.ts';

export interface SettingsPageProps {
  /** The light rules of the region and year (from the lights module), beside the calendar. */
  lightRules?: (scope: { regionCode: string | undefined; year: number }) => ReactNode;
}

function Settings({ lightRules }: SettingsPageProps) {
  const t = useT();
  const me = useMe();
  const now = Number(thisMonth().slice(0, 4));
  const [year, setYear] = useState(now);
  const [regionCode, setRegionCode] = useState<string | undefined>(me.regionCode ?? undefined);
  return (
    <Space vertical size={16} style={{ width: '100%' }}>
      <Card variant="borderless">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.reportingSettings')}
          </Typography.Title>
          <RegionSelect value={regionCode} onChange={setRegionCode} allowClear={false} />
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={[now + 1, now, now - 1].map((y) => ({
              value: y,
              label: t('project.yearN', { year: y }),
            }))}
            data-testid="settings-year"
          />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Space vertical size={16} style={{ width: '100%' }}>
            <CalendarCard key={`${regionCode}-${year}`} regionCode={regionCode} year={year} />
            <CorrectionsCard year={year} />
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Fragment key={`${regionCode}-${year}`}>{lightRules?.({ regionCode, year })}</Fragment>
        </Col>
      </Row>
    </Space>
  );
}

export default function SettingsPage(props: SettingsPageProps) {
  const me = useMe();
  return isOffice(me.role) ? <Settings {...props} /> : <ForbiddenPage />;
}
