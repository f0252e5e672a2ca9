// The count of each colour for a month as big cards, each with its definition; a click filters by the colour.
import { Card, Col, Row, Typography } from 'antd';
import { lightColors, type LightColor } from '@ducha/contract';
import { useLights } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import type { QueryParams } from '../../api/client.ts';
import { lightHex } from '../../components/LightTag.tsx';

function CountCard({
  color,
  params,
  enabled,
  selected,
  onClick,
}: {
  color: LightColor;
  params: QueryParams;
  enabled: boolean;
  selected: boolean;
  onClick: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const q = useLights({ ...params, color, page: 1, pageSize: 1 }, enabled);
  return (
    <Card
      hoverable
      onClick={onClick}
      data-testid={`light-card-${color}`}
      style={{
        borderTop: `4px solid ${lightHex[color]}`,
        outline: selected ? `2px solid ${lightHex[color]}` : undefined,
      }}
      styles={{ body: { padding: 16 } }}
    >
      <Typography.Text type="secondary">{L.light(color)}</Typography.Text>
      <div style={{ fontSize: 32, fontWeight: 600, color: lightHex[color], lineHeight: 1.3 }}>
        {q.data ? q.data.total : '-'}
        <span style={{ fontSize: 14, marginLeft: 6, color: 'rgba(0,0,0,0.45)' }}>{t('light.projects')}</span>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {L.lightDefinition(color)}
      </Typography.Paragraph>
    </Card>
  );
}

/** Three cards (green, yellow, red) counting the projects under `params` (all filters but the colour). */
export function LightCards({
  params,
  enabled = true,
  color,
  onSelect,
}: {
  params: QueryParams;
  /** false while the month is not known to be closed (the counts are not asked) */
  enabled?: boolean;
  color: LightColor | undefined;
  onSelect: (c: LightColor | undefined) => void;
}) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {lightColors.map((c) => (
        <Col xs={24} md={8} key={c}>
          <CountCard
            color={c}
            params={params}
            enabled={enabled}
            selected={color === c}
            onClick={() => onSelect(color === c ? undefined : c)}
          />
        </Col>
      ))}
    </Row>
  );
}
