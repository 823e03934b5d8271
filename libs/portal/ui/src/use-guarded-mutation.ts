import { useMutation, type DefaultError, type MutateOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSubmitOnce } from './use-submit-once.js';

/**
 * useMutation whose `mutate` sends nothing while a request of it still runs (useSubmitOnce); the
 * guard is cleared only when the request settled, after the mutation's own onSuccess (its
 * invalidation and navigation).
 */
export function useGuardedMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): UseMutationResult<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const once = useSubmitOnce();
  const { mutateAsync } = mutation;
  const mutate = useCallback(
    (variables: TVariables, callOptions?: MutateOptions<TData, TError, TVariables, TContext>) => once(() => mutateAsync(variables, callOptions)),
    [once, mutateAsync],
  );
  return { ...mutation, mutate } as UseMutationResult<TData, TError, TVariables, TContext>;
}
