// 用户管理: accounts in scope; create (one-time password), edit, reset password, unlock, deactivate.
import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Tag, Tooltip } from 'antd';
import { officeManagedRoles, roles, type Role, type User } from '@ducha/contract';
import {
  useResetPassword,
  useUnlockUser,
  useUpdateUser,
  useUsers,
  type UserWithPassword,
} from '../../api/users.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useTableState } from '../../components/useTableState.ts';
import { useApiError } from '../../components/useApiError.ts';
import { formatDateTime } from '../../components/format.ts';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { IncludeInactiveSwitch, UnitFilter } from '../../components/ListFilters.tsx';
import { ActiveActions, useSetActive } from '../../components/ActiveActions.tsx';
import { UserForm } from './UserForm.tsx';

interface Filters {
  role?: Role;
  unitId?: number;
  includeInactive?: boolean;
}

const isLocked = (u: User) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

export default function UsersPage() {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const table = useTableState<Filters>({});
  const query = useUsers(table.params);
  const setActive = useSetActive(useUpdateUser());
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [secret, setSecret] = useState<{ res: UserWithPassword; kind: 'created' | 'reset' } | null>(null);
  const manages = (u: User) =>
    can('user.write') && u.id !== me.id && (me.role === 'admin' || officeManagedRoles.includes(u.role));

  const columns = [
    { title: t('field.username'), dataIndex: 'username' },
    { title: t('field.displayName'), dataIndex: 'displayName' },
    { title: t('field.role'), dataIndex: 'role', render: (r: Role) => <Tag color="blue">{L.role(r)}</Tag> },
    { title: t('user.scopeRegion'), dataIndex: 'regionName' },
    { title: t('field.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '-' },
    {
      title: t('field.status'),
      key: 'status',
      render: (_: unknown, u: User) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="success">{t('status.active')}</Tag> : <Tag>{t('status.inactive')}</Tag>}
          {isLocked(u) && (
            <Tooltip title={t('user.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
              <Tag color="red">{t('user.locked')}</Tag>
            </Tooltip>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('user.lastLogin'), dataIndex: 'lastLoginAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u: User) => (
        <ActiveActions
          row={u}
          writable={manages(u)}
          onEdit={() => setEditing(u)}
          deactivateConfirm={t('user.deactivateConfirm', { name: u.username })}
          setActive={setActive}
        >
          <Popconfirm
            title={t('user.resetConfirm', { name: u.username })}
            onConfirm={() =>
              reset.mutateAsync(u.id).then(
                (res) => setSecret({ res, kind: 'reset' }),
                (e) => onError(e),
              )
            }
          >
            <Button type="link" size="small">
              {t('user.resetPassword')}
            </Button>
          </Popconfirm>
          {isLocked(u) && (
            <Popconfirm
              title={t('user.unlockConfirm', { time: formatDateTime(u.lockedUntil) })}
              onConfirm={() =>
                unlock.mutateAsync(u.id).then(
                  () => message.success(t('user.unlocked')),
                  (e) => onError(e),
                )
              }
            >
              <Button type="link" size="small">
                {t('user.unlock')}
              </Button>
            </Popconfirm>
          )}
        </ActiveActions>
      ),
    },
  ];

  return (
    <ListPage<User, Filters>
      title={t('menu.users')}
      create={can('user.write') && { label: t('user.create'), onClick: () => setEditing(null) }}
      table={table}
      query={query}
      searchPlaceholder={t('user.search')}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('field.role')}
            style={{ width: 160 }}
            value={table.state.filters.role}
            onChange={(role) => table.setFilter({ role })}
            options={roles.map((r) => ({ value: r, label: L.role(r) }))}
          />
          <UnitFilter table={table} />
          <IncludeInactiveSwitch table={table} />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && (
        <UserForm
          editing={editing}
          onClose={() => setEditing(undefined)}
          onCreated={(res) => setSecret({ res, kind: 'created' })}
        />
      )}
      <OneTimeSecret
        open={!!secret}
        title={secret?.kind === 'reset' ? t('user.resetDoneTitle') : t('user.createdTitle')}
        description={secret ? t('user.tempPasswordFor', { name: secret.res.user.username }) : undefined}
        secret={secret?.res.temporaryPassword ?? ''}
        onClose={() => setSecret(null)}
      />
    </ListPage>
  );
}
