/** Server state of the action catalogue page (TanStack Query). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../web/api-client'
import type { RoadmapCatalogue, RoadmapCatalogueEditInput } from '../roadmaps.contract'

export const catalogueKeys = { all: ['roadmap-catalogue'] as const }

export function useRoadmapCatalogue() {
  return useQuery({
    queryKey: catalogueKeys.all,
    queryFn: ({ signal }) => api.get<RoadmapCatalogue>('/api/roadmaps/catalogue', { signal }),
    // Edited rarely, read by every roadmap screen.
    staleTime: 60_000,
  })
}

/** PUT for an existing action, POST for a new one; either answers the new catalogue version. */
export function useSaveCatalogueAction() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ isNew, input }: { isNew: boolean; input: RoadmapCatalogueEditInput }) =>
      isNew
        ? api.post<RoadmapCatalogue>('/api/roadmaps/catalogue/actions', input)
        : api.put<RoadmapCatalogue>(`/api/roadmaps/catalogue/actions/${encodeURIComponent(input.action.id)}`, input),
    onSuccess: (catalogue) => client.setQueryData(catalogueKeys.all, catalogue),
  })
}
