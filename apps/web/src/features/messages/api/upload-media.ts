import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api } from '@/lib/api-client';
import type { Message } from '../types';
import { addSentMessage } from './thread-cache';

/** What the media endpoint accepts; checked here too so the agent hears it before uploading. */
export const MEDIA_ACCEPT = 'image/*,application/pdf,audio/*,video/*';
export const MEDIA_MAX_BYTES = 16 * 1024 * 1024;

export function isSendableMedia(file: File): boolean {
  return /^(image|audio|video)\//.test(file.type) || file.type === 'application/pdf';
}

export interface UploadMediaInput {
  file: File;
  /** Sent as the caption; empty means none. */
  text: string;
}

export function uploadMedia(
  conversationId: string,
  { file, text }: UploadMediaInput,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Message> {
  const form = new FormData();
  // Caption first: multipart parsers may stream the file and only then see later fields.
  if (text) form.append('text', text);
  form.append('file', file, file.name);
  return api.upload<Message>(
    `/conversations/${encodeURIComponent(conversationId)}/messages/media`,
    form,
    options,
  );
}

interface UseUploadMediaOptions {
  conversationId: string;
  onSent?: (message: Message) => void;
}

/** Uploads one file with its caption, exposing progress (0–1) and a way to cancel. */
export function useUploadMedia({ conversationId, onSent }: UseUploadMediaOptions) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation({
    mutationFn: (input: UploadMediaInput) => {
      controller.current = new AbortController();
      setProgress(0);
      return uploadMedia(conversationId, input, {
        onProgress: setProgress,
        signal: controller.current.signal,
      });
    },
    meta: { inlineErrors: true },
    onSuccess: async (message) => {
      const refreshed = addSentMessage(queryClient, conversationId, message);
      onSent?.(message);
      await refreshed;
    },
    onSettled: () => {
      controller.current = null;
    },
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, progress, cancel };
}
