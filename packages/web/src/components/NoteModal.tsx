// A confirmation with an optional note (催办, 催报): what will happen, the note, and one button.
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';

export interface NoteModalProps {
  title: string;
  okText: string;
  /** what the action does, above the note */
  help: string;
  noteLabel: string;
  placeholder?: string;
  maxLength: number;
  pending: boolean;
  /** test ids of the OK button and the note */
  testIds: { ok: string; note: string };
  /** the note, trimmed, or null when empty */
  onOk: (note: string | null) => void;
  onCancel: () => void;
}

export function NoteModal(p: NoteModalProps) {
  const [note, setNote] = useState('');
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      onOk={() => p.onOk(note.trim() || null)}
      onCancel={p.onCancel}
      confirmLoading={p.pending}
      okButtonProps={{ 'data-testid': p.testIds.ok }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{p.help}</Typography.Paragraph>
      <Typography.Text>{p.noteLabel}</Typography.Text>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={p.maxLength}
        rows={3}
        placeholder={p.placeholder}
        data-testid={p.testIds.note}
      />
    </Modal>
  );
}
