// A date picker whose value is the API's 'YYYY-MM-DD' string (or null), so zod rules apply to it as is.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export interface DateInputProps {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
  allowClear?: boolean;
  size?: 'small' | 'middle' | 'large';
  /** For facts (actual dates): days after today cannot be picked. */
  notAfterToday?: boolean;
}

export function DateInput({ value, onChange, ...rest }: DateInputProps) {
  const d = value ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      id={rest.id}
      value={d && d.isValid() ? d : null}
      onChange={(v) => onChange?.(v ? v.format('YYYY-MM-DD') : null)}
      style={{ width: '100%', ...rest.style }}
      placeholder={rest.placeholder}
      disabled={rest.disabled}
      allowClear={rest.allowClear ?? true}
      size={rest.size}
      disabledDate={rest.notAfterToday ? (day) => day.isAfter(dayjs(), 'day') : undefined}
    />
  );
}
