// 版本记录: every version of a month's report (original and corrections), each readable in a drawer.
import { useState } from 'react';
import { Drawer, Table, Tag } from 'antd';
import type { MonthlyReport } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ReportView, versionLabel } from './ReportView.tsx';
import { ReportStatusTag } from './ReportTags.tsx';

export function VersionList({ versions }: { versions: MonthlyReport[] }) {
  const t = useT();
  const [open, setOpen] = useState<MonthlyReport | null>(null);
  return (
    <>
      <Table<MonthlyReport>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions}
        data-testid="report-versions"
        locale={{ emptyText: t('report.noVersions') }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('report.version'),
            key: 'v',
            render: (_: unknown, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {versionLabel(r, t)} {r.current && <Tag color="blue">{t('report.versionCurrent')}</Tag>}
              </span>
            ),
          },
          {
            title: t('field.status'),
            key: 's',
            render: (_: unknown, r) => <ReportStatusTag status={r.status} />,
          },
          {
            title: t('report.versionAt'),
            key: 'at',
            render: (_: unknown, r) => formatDateTime(r.verifiedAt ?? r.submittedAt),
          },
        ]}
      />
      {open && (
        <Drawer
          open
          size={760}
          title={`${versionLabel(open, t)} · ${open.projectName}`}
          onClose={() => setOpen(null)}
          destroyOnHidden
        >
          <ReportView report={open} />
        </Drawer>
      )}
    </>
  );
}
