// A draw's document as published (一公开): the rules, the named sources and their values, the pool
// with each expert's conflicts, the result with declines and substitutes, a download of the JSON,
// and "在浏览器中验证": the shared RFC 3797 code recomputes the draw here, from the document alone.
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import { verifyDocument, type DrawDocument, type DrawPick, type DrawVerification } from '@ducha/contract';
import { useT } from '../app/i18n.tsx';

function download(doc: DrawDocument) {
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `draw-${doc.published.drawId}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function DrawDocumentView({ doc }: { doc: DrawDocument }) {
  const t = useT();
  const [v, setV] = useState<DrawVerification | null>(null);
  const pub = doc.published;
  const r = doc.result;
  const pickColumns = [
    { title: t('draw.i'), dataIndex: 'i', width: 80 },
    { title: t('draw.specialty'), dataIndex: 'stratum' },
    { title: t('draw.seq'), dataIndex: 'seq', width: 70 },
    { title: t('draw.label'), dataIndex: 'label' },
    {
      title: t('draw.hash'),
      dataIndex: 'hash',
      render: (h: string) => <Typography.Text code>{h}</Typography.Text>,
    },
    {
      title: '',
      key: 'note',
      render: (_: unknown, p: DrawPick) =>
        p.declined
          ? t('draw.declined', { reason: p.declined.reason })
          : p.substituteFor
            ? t('draw.substituteFor', { n: p.substituteFor })
            : '',
    },
  ];
  return (
    <Space vertical size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('draw.title')}>{pub.title}</Descriptions.Item>
        <Descriptions.Item label={t('draw.region')}>{pub.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('draw.year')}>{pub.planYear}</Descriptions.Item>
        <Descriptions.Item label={t('draw.siteOn')}>{pub.siteOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('draw.sha')}>
          <Typography.Text code data-testid="draw-sha">
            {doc.sha256}
          </Typography.Text>
        </Descriptions.Item>
        {r && (
          <Descriptions.Item label={t('draw.key')}>
            <Typography.Text code>{r.key}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space>
        <Button type="primary" onClick={() => setV(verifyDocument(doc))} data-testid="draw-verify">
          {t('draw.verify')}
        </Button>
        <Button onClick={() => download(doc)}>{t('draw.download')}</Button>
      </Space>
      {v && (
        <Alert
          data-testid="draw-verify-result"
          type={v.ok ? 'success' : 'error'}
          showIcon
          title={v.ok ? t('draw.verifyOk') : t('draw.verifyFail')}
          description={v.ok ? undefined : v.errors.join('；')}
        />
      )}
      <Typography.Title level={5}>{t('draw.rules')}</Typography.Title>
      <ol>
        {pub.rules.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ol>
      <Typography.Title level={5}>{t('draw.sources')}</Typography.Title>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={pub.sources.map((s, n) => ({ ...s, value: r?.sourceValues[n]?.values.join(' ') ?? '—' }))}
        columns={[
          { title: t('draw.sourceName'), dataIndex: 'name' },
          { title: t('draw.sourceDesc'), dataIndex: 'description' },
          { title: t('draw.sourceOn'), dataIndex: 'on' },
          { title: '', dataIndex: 'value' },
        ]}
      />
      <Typography.Title level={5}>{t('draw.pool')}</Typography.Title>
      {[...pub.projects, ...pub.experts].map((s) => (
        <Table
          key={s.stratum}
          rowKey="seq"
          size="small"
          pagination={false}
          title={() => `${s.stratum}（${t('draw.count')} ${s.count}）`}
          dataSource={s.pool}
          columns={[
            { title: t('draw.seq'), dataIndex: 'seq', width: 70 },
            { title: t('draw.label'), dataIndex: 'label' },
            ...(pub.experts.includes(s)
              ? [
                  {
                    title: t('draw.conflicts'),
                    dataIndex: 'conflicts',
                    render: (c: number[]) => c?.join('、'),
                  },
                ]
              : []),
          ]}
        />
      ))}
      {r && (
        <>
          <Typography.Title level={5}>{t('draw.picks')}</Typography.Title>
          <Table
            rowKey="ordinal"
            size="small"
            pagination={false}
            dataSource={r.picks}
            columns={pickColumns}
          />
        </>
      )}
    </Space>
  );
}
