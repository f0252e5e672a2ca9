// Row cells of list pages: the name link to details, and the actions of records deactivated, not deleted.
import type { ReactNode } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { useT } from '../app/i18n.tsx';
import { useApiError } from './useApiError.ts';

/** A record with optimistic locking and an active flag (units, people, positions, users, …). */
export interface Activatable {
  id: number;
  version: number;
  active: boolean;
}

/**
 * Returns `setActive(row, active)`: saves `{ id, version, active }` with the page's update mutation
 * (e.g. `useSetActive(unitHooks.useUpdate())`), then says 已启用/已停用 or shows the API error.
 */
export function useSetActive(update: {
  mutateAsync: (vars: { id: number; version: number; active: boolean }) => Promise<unknown>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  return (row: Activatable, active: boolean) =>
    update.mutateAsync({ id: row.id, version: row.version, active }).then(
      () => message.success(active ? t('common.activated') : t('common.deactivated')),
      (e) => onError(e),
    );
}

export interface ActiveActionsProps<R extends { active: boolean }> {
  row: R;
  /** Whether the user may change this row: edit, `children` and deactivate/activate show only then. */
  writable: boolean;
  /** Opens the detail drawer: a "详情" button every reader sees; none without it. */
  onDetail?: () => void;
  /** Label of the detail button instead of "详情". */
  detailLabel?: ReactNode;
  /** Opens the edit form; no edit button without it. */
  onEdit?: () => void;
  /** Label of the edit button instead of "编辑". */
  editLabel?: ReactNode;
  /** The question asked before deactivating, e.g. `t('unit.deactivateConfirm', { name: u.name })`. */
  deactivateConfirm: ReactNode;
  /** From `useSetActive`. */
  setActive: (row: R, active: boolean) => unknown;
  /** More actions for writers (buttons, popconfirms), placed between edit and deactivate. */
  children?: ReactNode;
}

/**
 * The actions cell of a list row: [详情] [编辑] […children] [停用 (asks first) | 启用].
 * Renders nothing when the user may neither read details nor change the row.
 */
export function ActiveActions<R extends { active: boolean }>(props: ActiveActionsProps<R>) {
  const { row, writable, onDetail, detailLabel, onEdit, editLabel, deactivateConfirm, setActive, children } =
    props;
  const t = useT();
  if (!writable && !onDetail) return null;
  return (
    <Space size={0}>
      {onDetail && (
        <Button type="link" size="small" onClick={onDetail}>
          {detailLabel ?? t('action.detail')}
        </Button>
      )}
      {writable && onEdit && (
        <Button type="link" size="small" onClick={onEdit}>
          {editLabel ?? t('action.edit')}
        </Button>
      )}
      {writable && children}
      {writable &&
        (row.active ? (
          <Popconfirm title={deactivateConfirm} onConfirm={() => setActive(row, false)}>
            <Button type="link" size="small" danger>
              {t('action.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => setActive(row, true)}>
            {t('action.activate')}
          </Button>
        ))}
    </Space>
  );
}

/** A record's name in the first column, as a link that opens its details. */
export function DetailLink({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onClick}>
      {children}
    </Button>
  );
}
