// 名单详情: header and publish action; tabs for members by batch, adjustment requests, history, audit trail.
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/client.ts';
import { downloadFile, useAdjustments, useProjectList, usePublishList } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';
import { ListStatusTag } from './ListsPage.tsx';
import { MemberHistoryTab } from './MemberHistoryTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { AdjustmentsTab } from './AdjustmentsTab.tsx';

const tabKeys = ['members', 'adjustments', 'history', 'audit'] as const;

export default function ListDetailPage() {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const onError = useApiError();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [search, setSearch] = useSearchParams();
  const { data: list, isLoading, error } = useProjectList(valid ? id : null);
  const adjustments = useAdjustments(valid ? id : 0);
  const publish = usePublishList();
  // what the server says this user may do with this list (a county office on the city's list manages nothing)
  const manager = !!list?.actions.manage;
  const tab = tabKeys.find((k) => k === search.get('tab')) ?? 'members';
  const go = (k: string) => setSearch(k === 'members' ? {} : { tab: k }, { replace: true });

  if (!valid || (isApiError(error) && error.status === 404))
    return (
      <Result status="404" title={t('list.notFound')} extra={<Link to="/lists">{t('menu.lists')}</Link>} />
    );
  if (isApiError(error) && error.status === 403)
    return <Result status="403" title={error.message} extra={<Link to="/lists">{t('menu.lists')}</Link>} />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isLoading || !list) return <Skeleton active paragraph={{ rows: 6 }} />;

  const doPublish = async () => {
    try {
      await publish.mutateAsync({ id: list.id, version: list.version });
      message.success(t('list.publishedOk'));
    } catch (e) {
      onError(e);
    }
  };
  const exportList = () =>
    downloadFile(`/api/project-lists/${list.id}/export.xlsx`, {}, `${list.name}.xlsx`).catch((e) =>
      onError(e),
    );
  const writable = list.actions.add;

  return (
    <Card variant="borderless" data-testid="list-detail">
      <Space vertical size={4} style={{ width: '100%', marginBottom: 12 }}>
        <Link to="/lists">
          <ArrowLeftOutlined /> {t('menu.lists')}
        </Link>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {list.name}
          </Typography.Title>
          <ListStatusTag status={list.status} />
          <Button icon={<DownloadOutlined />} onClick={exportList} data-testid="list-export">
            {t('project.export')}
          </Button>
          {manager && list.status === 'draft' && (
            <Popconfirm title={t('list.publishConfirm')} onConfirm={doPublish}>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                data-testid="list-publish"
              >
                {t('list.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'y', label: t('list.year'), children: list.year },
          { key: 'l', label: t('list.level'), children: L.listLevel(list.level) },
          { key: 'r', label: t('field.region'), children: list.regionName },
          { key: 's', label: t('list.batchScheme'), children: list.batches.map(L.batch).join(' / ') },
          { key: 'm', label: t('list.members'), children: list.memberCount },
          { key: 'p', label: t('list.publishedAt'), children: formatDateTime(list.publishedAt) },
        ]}
      />
      {list.hiddenMembers > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '12px 0' }}
          data-testid="list-hidden-members"
          title={t('list.hiddenMembers', { n: list.hiddenMembers })}
        />
      )}
      <Tabs
        activeKey={tab === 'audit' && !list.actions.timeline ? 'members' : tab}
        onChange={go}
        destroyOnHidden
        items={[
          {
            key: 'members',
            label: t('list.tab.members'),
            children: (
              <MembersTab
                list={list}
                adjustments={adjustments.data ?? []}
                writable={writable}
                onShowAdjustments={() => go('adjustments')}
              />
            ),
          },
          {
            key: 'adjustments',
            label: `${t('list.tab.adjustments')}${list.pendingAdjustments ? ` (${list.pendingAdjustments})` : ''}`,
            children: <AdjustmentsTab items={adjustments.data ?? []} canDecide={manager} />,
          },
          {
            key: 'history',
            label: t('list.tab.history'),
            children: <MemberHistoryTab listId={list.id} />,
          },
          ...(list.actions.timeline
            ? [
                {
                  key: 'audit',
                  label: t('project.tab.audit'),
                  children: <AuditTimeline entity="project_list" id={String(list.id)} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
