// 会议纪要 preview in the offices' layout, with the Word and HTML downloads.
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@ducha/contract';
import { downloadMinutes, useMinutes } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';

export function MinutesView({ detail, active }: { detail: MeetingDetail; active: boolean }) {
  const t = useT();
  const L = useLabels();
  const onError = useApiError();
  const { data, error } = useMinutes(detail.meeting.id, active);
  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return <Skeleton active />;
  const download = (f: 'docx' | 'html') =>
    downloadMinutes(detail.meeting.id, f, data.title).catch((e) => onError(e));
  let n = 0;
  const cn = '一二三四';
  return (
    <Space vertical style={{ width: '100%' }}>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => download('docx')} data-testid="minutes-docx">
          {t('meeting.download.docx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => download('html')} data-testid="minutes-html">
          {t('meeting.download.html')}
        </Button>
      </Space>
      <Card data-testid="minutes-preview" style={{ maxWidth: 820 }}>
        <Typography.Title
          level={3}
          style={{ textAlign: 'center', color: '#c00' }}
          data-testid="minutes-title"
        >
          {data.title}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }} data-testid="minutes-number">
          {data.number ?? t('meeting.minutes.unnumbered')}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {data.heldOn} {data.time}，{data.chair ? `${data.chair} ` : ''}
          {L.meetingType(detail.meeting.type)}
          {data.place ? `，${data.place}` : ''}。
        </Typography.Paragraph>
        <Typography.Paragraph>
          <strong>{t('meeting.minutes.attendees')}：</strong>
          {data.attendees.join('；') || t('meeting.minutes.none')}
        </Typography.Paragraph>
        {data.absent.length > 0 && (
          <Typography.Paragraph>
            <strong>{t('meeting.minutes.absent')}：</strong>
            {data.absent.join('；')}
          </Typography.Paragraph>
        )}
        {data.review.length > 0 && (
          <>
            <Typography.Title level={5}>
              {cn[n++]}、{t('meeting.minutes.review')}
            </Typography.Title>
            <ol data-testid="minutes-review">
              {data.review.map((r, i) => (
                <li key={i}>
                  {r.code ? `[${r.code}] ` : ''}
                  {r.title}：{r.result}
                  {r.status ? `（${r.status}）` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
        <Typography.Title level={5}>
          {cn[n++]}、{t('meeting.minutes.decisions')}
        </Typography.Title>
        {data.decisions.length ? (
          <ol data-testid="minutes-decisions">
            {data.decisions.map((d) => (
              <li key={d.no}>
                {d.text}（{t('meeting.minutes.unit', { unit: d.unit ?? '-', deadline: d.deadline ?? '-' })}
                {d.code ? `；${d.code}` : ''}）
              </li>
            ))}
          </ol>
        ) : (
          <Typography.Paragraph>{t('meeting.minutes.none')}</Typography.Paragraph>
        )}
        {data.notes.length > 0 && (
          <>
            <Typography.Title level={5}>
              {cn[n++]}、{t('meeting.minutes.notes')}
            </Typography.Title>
            <ol>
              {data.notes.map((o, i) => (
                <li key={i}>
                  {o.topic}：{o.text}
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
    </Space>
  );
}
