import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Agent } from '../types';
import { adminKeys } from './admin-keys';

export function useAgents() {
  return useQuery({
    queryKey: adminKeys.agents,
    queryFn: ({ signal }) => apiRequest<Agent[]>('/agents', { signal }),
  });
}
