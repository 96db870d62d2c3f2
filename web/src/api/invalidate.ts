import type { QueryClient } from '@tanstack/react-query';

/** Refetch every cached query of these generated operations (their keys start with `{ _id: operationId }`), whatever their parameters. */
export function invalidateOperations(queries: QueryClient, ...operationIds: string[]): Promise<void> {
  return queries.invalidateQueries({
    predicate: (query) => operationIds.includes((query.queryKey[0] as { _id?: string } | undefined)?._id ?? ''),
  });
}
