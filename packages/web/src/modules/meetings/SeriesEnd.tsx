// A series' end (never, on a date, after a count of meetings): the fields and their values, shared
// by the forms that create and edit a series.
import { Col, Form, InputNumber, Row, Select } from 'antd';
import type { MeetingSeries } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { DateInput } from '../../components/DateInput.tsx';

export interface EndValues {
  endKind?: 'never' | 'until' | 'count';
  endDate?: string;
  endCount?: number;
}

type End = MeetingSeries['end'];

/** The end the fields describe (`count` when none was typed: the form's default). */
export const endOf = (v: EndValues, count: number): End =>
  v.endKind === 'until'
    ? { kind: 'until', date: v.endDate ?? '' }
    : v.endKind === 'count'
      ? { kind: 'count', count: v.endCount ?? count }
      : { kind: 'never' };

/** The fields' values for an end. */
export const endValues = (end: End): EndValues => ({
  endKind: end.kind,
  endDate: end.kind === 'until' ? end.date : undefined,
  endCount: end.kind === 'count' ? end.count : undefined,
});

/** The end's kind, then its date or count. `testId` names the kind's select and the count's input. */
export function SeriesEndFields({ endKind, testId }: { endKind: EndValues['endKind']; testId?: string }) {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="endKind" label={t('meeting.end')}>
          <Select
            data-testid={testId}
            options={(['never', 'until', 'count'] as const).map((k) => ({
              value: k,
              label: t(`meeting.end.${k}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        {endKind === 'until' && (
          <Form.Item
            name="endDate"
            label={t('meeting.end.until')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DateInput />
          </Form.Item>
        )}
        {endKind === 'count' && (
          <Form.Item
            name="endCount"
            label={t('meeting.end.count')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber
              min={1}
              max={200}
              style={{ width: '100%' }}
              data-testid={testId && `${testId}-count`}
            />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}
