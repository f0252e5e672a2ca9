// 责任分工 (五个一): leader position and holder, lead and co-units, team with duties, responsible people.
import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Space,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Project } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import type { ProjectAccess } from './access.ts';
import { ResponsibilityForm } from './ResponsibilityForm.tsx';

export function ResponsibilityTab({ p, access }: { p: Project; access: ProjectAccess }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const r = p.responsibility;
  const notSet = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;

  const items: DescriptionsProps['items'] = [
    {
      key: 'leader',
      label: t('project.leader'),
      children: r.leaderPositionName ? (
        <Space wrap>
          {r.leaderPositionName}
          <Tag color={r.leaderName ? 'blue' : 'orange'}>
            {t('position.current')}：{r.leaderName ?? t('position.vacant')}
          </Tag>
        </Space>
      ) : (
        notSet
      ),
    },
    { key: 'lead', label: t('project.responsibleUnit'), children: r.responsibleUnitName ?? notSet },
    {
      key: 'co',
      label: t('project.coUnits'),
      span: 2,
      children: r.coUnits.length ? r.coUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>) : t('common.none'),
    },
    { key: 'resp', label: t('project.responsiblePerson'), children: r.responsiblePersonName ?? notSet },
    { key: 'officer', label: t('project.handlingOfficer'), children: r.handlingOfficerName ?? notSet },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('project.fiveOnesHelp')} />
      {access.editor && (
        <Button
          icon={<EditOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing(true)}
          data-testid="responsibility-edit"
        >
          {t('project.editResponsibility')}
        </Button>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('project.team')}
      </Typography.Title>
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={r.team}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.noTeam')} />,
        }}
        columns={[
          { title: t('field.personName'), dataIndex: 'name' },
          { title: t('project.duty'), dataIndex: 'duty', render: (v: string | null) => v ?? '-' },
        ]}
      />
      {editing && <ResponsibilityForm p={p} manager={access.manager} onClose={() => setEditing(false)} />}
    </>
  );
}
