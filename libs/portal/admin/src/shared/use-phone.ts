import { useMediaQuery } from '@mantine/hooks';

/**
 * A phone-width screen (under Mantine's `sm`, 36em): the admin lists then stack their minor
 * figures under the key ones, so a row's key figures show without scrolling sideways.
 */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
