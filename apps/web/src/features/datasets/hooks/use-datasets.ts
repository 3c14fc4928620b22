'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { datasetKeys } from '@tensorscope/shared';
import { useState } from 'react';
import { datasetsApi } from '../lib/datasets.api';

export function useDatasets() {
  return useQuery({ queryKey: datasetKeys.list(), queryFn: ({ signal }) => datasetsApi.list(signal) });
}

export function useDeleteDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => datasetsApi.remove(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: datasetKeys.all }),
  });
}

/** An upload, with the share of its bytes sent so far (0…1) while it runs. */
export function useUploadDataset() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (form: FormData) => {
      setProgress(0);
      return datasetsApi.upload(form, (sent, total) => setProgress(total > 0 ? sent / total : null));
    },
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: datasetKeys.all });
    },
  });
  return { ...mutation, progress };
}
