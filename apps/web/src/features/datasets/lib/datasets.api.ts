import { ZDataset, ZDatasetList, type TDataset } from '@tensorscope/shared';
import { z } from 'zod';
import { ApiError, ApiUnreachableError, apiErrorOf, apiGet, apiSend, apiUrl, safeJson } from '../../../lib/api-client';
import { csrfHeaders } from '../../../lib/csrf-cookie';

export const datasetsApi = {
  list: (signal?: AbortSignal) => apiGet(ZDatasetList, '/api/datasets', signal),
  remove: (id: string) => apiSend(z.undefined(), 'DELETE', `/api/datasets/${encodeURIComponent(id)}`),

  /**
   * Uploads a multipart form, reporting the share of bytes sent: fetch cannot say how far an
   * upload got, XMLHttpRequest can. The answer is parsed and its errors thrown like apiRequest's.
   */
  upload(form: FormData, onProgress: (sent: number, total: number) => void): Promise<TDataset> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', apiUrl('/api/datasets'));
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      for (const [name, value] of Object.entries(csrfHeaders('POST', document.cookie))) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
      xhr.onerror = () => reject(new ApiUnreachableError(apiUrl(''), new Error('the upload could not reach the API')));
      xhr.onload = () => {
        const body = xhr.responseText ? safeJson(xhr.responseText) : undefined;
        if (xhr.status < 200 || xhr.status >= 300) return reject(apiErrorOf(xhr.status, xhr.statusText, body));
        const parsed = ZDataset.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else
          reject(new ApiError(xhr.status, 'INVALID_RESPONSE', 'The API answered the upload in an unexpected shape.', parsed.error.issues));
      };
      xhr.send(form);
    });
  },
};
