// Raw-body uploads (attachments): the file as the body, its type as Content-Type, its name in x-file-name.
import { ApiError, apiErrorOf, csrfHeader, langHeader } from './client.ts';

/** File types accepted as attachments, by extension. */
export const attachmentTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** POSTs one file to `url`, reporting progress 0–100; resolves with the JSON answer. */
export function uploadRawFile<T>(
  url: string,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<T> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type || attachmentTypes[ext] || 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries({ ...langHeader(), ...csrfHeader() })) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(apiErrorOf(xhr.status, xhr.statusText, ''));
        }
      } else reject(apiErrorOf(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.send(file);
  });
}
