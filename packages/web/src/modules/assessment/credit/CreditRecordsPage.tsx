// 信用记录: the good and bad records of the directory's firms by kind and year, each opening its
// cause (an evaluation, inspection or item); the office records one by hand.
import { useState } from 'react';
import { InputNumber, Select, Space } from 'antd';
import { creditKindLabels, creditKinds, type CreditKind, type CreditRecord } from '@ducha/contract';
import { useCreditRecords } from '../../../api/credit.ts';
import { useT } from '../../../app/i18n.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { useTableState } from '../../../components/useTableState.ts';
import { recordColumns } from './columns.tsx';
import { RecordForm } from './CreditForms.tsx';
import { useKeepsCredit } from './EnterprisesPage.tsx';

type Filters = { kind?: CreditKind; year?: number };

export default function CreditRecordsPage() {
  const t = useT();
  const writable = useKeepsCredit();
  const table = useTableState<Filters>({});
  const query = useCreditRecords(table.params);
  const [creating, setCreating] = useState(false);
  const f = table.state.filters;
  return (
    <ListPage<CreditRecord, Filters>
      title={t('menu.creditRecords')}
      create={writable && { label: t('credit.record'), onClick: () => setCreating(true) }}
      testId="record"
      table={table}
      query={query}
      searchPlaceholder={t('credit.search')}
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('credit.recordKind')}
            style={{ minWidth: 110 }}
            value={f.kind}
            options={creditKinds.map((k) => ({ value: k, label: creditKindLabels[k] }))}
            onChange={(kind) => table.setFilter({ kind })}
          />
          <InputNumber
            placeholder={t('credit.year')}
            min={2000}
            max={2100}
            value={f.year}
            onChange={(year) => table.setFilter({ year: year ?? undefined })}
          />
        </Space>
      }
      columns={recordColumns(t, true)}
    >
      {creating && <RecordForm onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
