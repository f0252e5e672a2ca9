// A month picker whose value is the API's 'YYYY-MM' string; months after the current one cannot be picked.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { thisMonth } from './period.ts';

export function MonthInput({
  value,
  onChange,
  allowFuture,
  testId,
}: {
  /** optional for a form item, which passes them in */
  value?: string;
  onChange?: (month: string) => void;
  allowFuture?: boolean;
  testId?: string;
}) {
  const d = dayjs(`${value}-01`, 'YYYY-MM-DD');
  const max = dayjs(`${thisMonth()}-01`, 'YYYY-MM-DD');
  return (
    <DatePicker
      picker="month"
      value={d.isValid() ? d : null}
      allowClear={false}
      onChange={(v) => v && onChange?.(v.format('YYYY-MM'))}
      disabledDate={allowFuture ? undefined : (day) => day.isAfter(max, 'month')}
      style={{ width: 140 }}
      data-testid={testId}
    />
  );
}
