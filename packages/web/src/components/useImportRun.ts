// The import wizards' upload state (责任分解表 and 月度信息报表): a chosen file is dry-run at once (nothing
// written), a commit writes it all or nothing; on a commit the given caches are refreshed.
import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../app/i18n.tsx';
import { useApiError } from './useApiError.ts';

export type ImportMode = 'dry-run' | 'commit';

export function useImportRun<R extends { committed: boolean }>(opts: {
  /** sends the file: dry run or commit, reporting upload progress in percent */
  upload: (file: File, mode: ImportMode, onProgress: (percent: number) => void) => Promise<R>;
  /** query keys refreshed after a commit */
  invalidate: readonly string[];
  /** called with the commit's result (the wizard moves on to its result step) */
  onCommitted: (r: R) => void;
}) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiError();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<R | null>(null);
  const [result, setResult] = useState<R | null>(null);

  const run = async (f: File, mode: ImportMode) => {
    setBusy(true);
    setProgress(0);
    try {
      const r = await opts.upload(f, mode, setProgress);
      if (mode === 'dry-run') setCheck(r);
      else {
        setResult(r);
        opts.onCommitted(r);
        if (r.committed) {
          await Promise.all(opts.invalidate.map((k) => qc.invalidateQueries({ queryKey: [k] })));
          message.success(t('import.done'));
        }
      }
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const reset = () => {
    setFile(null);
    setCheck(null);
    setResult(null);
  };
  /** An Upload's `beforeUpload`: keep the file, dry-run it, and stop antd's own upload. */
  const choose = (f: File) => {
    reset();
    setFile(f);
    void run(f, 'dry-run');
    return false;
  };
  return { file, progress, busy, check, result, run, reset, choose };
}
