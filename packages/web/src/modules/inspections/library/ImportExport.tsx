// The import and export buttons of a library list: export the filtered list; import all or nothing, errors by row and field.
import { useState } from 'react';
import { App, Button, Space, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { QueryParams } from '../../../api/client.ts';
import { isApiError } from '../../../api/client.ts';
import { downloadFile } from '../../../api/projects.ts';
import { uploadRawFile } from '../../../api/upload.ts';
import { useT } from '../../../app/i18n.tsx';
import { useQueryClient } from '@tanstack/react-query';

/** `resource`: 'experts' or 'inspectors'; `params`: the list's filters, `regionCode` where to import. */
export function ImportExport(props: {
  resource: string;
  params: QueryParams;
  fileName: string;
  regionCode: string | null;
  writable: boolean;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const exportList = async () => {
    setBusy(true);
    try {
      await downloadFile(`/api/${props.resource}/export.xlsx`, props.params, `${props.fileName}.xlsx`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const q = props.regionCode ? `?regionCode=${props.regionCode}` : '';
      const r = await uploadRawFile<{ created: number; updated: number }>(
        `/api/${props.resource}/import${q}`,
        file,
      );
      message.success(t('ilib.imported', { created: r.created, updated: r.updated }));
      await qc.invalidateQueries({ queryKey: [props.resource] });
    } catch (e) {
      if (isApiError(e) && e.details.length)
        modal.error({
          title: t('ilib.importFailed'),
          width: 640,
          content: (
            <ul data-testid="import-errors">
              {e.details.map((d, i) => (
                <li key={i}>{`${d.path.replace(/^rows\[(\d+)\]\./, '第 $1 行 ')}：${d.message}`}</li>
              ))}
            </ul>
          ),
        });
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  return (
    <Space>
      <Button
        icon={<DownloadOutlined />}
        onClick={exportList}
        loading={busy}
        data-testid={`${props.resource}-export`}
      >
        {t('ilib.export')}
      </Button>
      {props.writable && (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={importFile}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid={`${props.resource}-import`}>
            {t('ilib.import')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
