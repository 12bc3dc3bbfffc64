import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { RoutingRule, RoutingRuleInput } from '../types';
import { adminKeys } from './admin-keys';

const rulePath = (id: string) => `/routing-rules/${encodeURIComponent(id)}`;

export function useRoutingRules() {
  return useQuery({
    queryKey: adminKeys.routingRules,
    queryFn: ({ signal }) => apiRequest<RoutingRule[]>('/routing-rules', { signal }),
    select: (rules) => [...rules].sort((a, b) => a.position - b.position),
  });
}

function useRuleMutation<TInput>(request: (input: TInput) => Promise<unknown>, inline = true) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: inline ? { inlineErrors: true } : undefined,
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.routingRules }),
  });
}

export function useSaveRoutingRule() {
  return useRuleMutation(({ id, rule }: { id?: string; rule: RoutingRuleInput }) =>
    id
      ? apiRequest<RoutingRule>(rulePath(id), { method: 'PATCH', body: rule })
      : apiRequest<RoutingRule>('/routing-rules', { method: 'POST', body: rule }),
  );
}

/** Position and on/off changes from the list: failures show as a toast, the list refreshes. */
export function usePatchRoutingRule() {
  return useRuleMutation(
    ({ id, patch }: { id: string; patch: Partial<Pick<RoutingRule, 'position' | 'enabled'>> }) =>
      apiRequest<RoutingRule>(rulePath(id), { method: 'PATCH', body: patch }),
    false,
  );
}

export function useDeleteRoutingRule() {
  return useRuleMutation((id: string) => apiRequest<void>(rulePath(id), { method: 'DELETE' }));
}
