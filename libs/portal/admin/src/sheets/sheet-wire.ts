// Wire shapes of the rate sheet routes (docs/API.md §9), from the generated client.
import type { paths } from '@billing/portal-api-client';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type SheetListItem = Json<paths['/api/v1/rate-sheets']['get']['responses'][200]>['items'][number];
export type SheetWithRows = Json<paths['/api/v1/rate-sheets/{id}']['get']['responses'][200]>;
export type RateRow = SheetWithRows['rows']['items'][number];
export type SheetVersion = SheetWithRows['versions'][number];
export type DeckPreview = Json<paths['/api/v1/rate-sheets']['post']['responses'][200]>;
export type SheetLookup = Json<paths['/api/v1/rate-sheets/{id}/lookup']['get']['responses'][200]>;

export const ROUNDING_MODES = ['up', 'half-up', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const sheetKeys = {
  all: ['rate-sheets'] as const,
  list: () => ['rate-sheets', 'list'] as const,
  sheet: (sheetId: string) => ['rate-sheets', 'sheet', sheetId] as const,
  rows: (sheetId: string, version: string | undefined) => ['rate-sheets', 'sheet', sheetId, 'rows', version ?? 'now'] as const,
};
