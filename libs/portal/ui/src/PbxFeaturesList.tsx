import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';

export const PBX_FEATURE_FLAGS = ['followMe', 'callerIdSelfManagement', 'internationalCalls', 'premiumDestinations', 'callRecording', 'voicemail'] as const;
export type PbxFeatureFlag = (typeof PBX_FEATURE_FLAGS)[number];

/** A customer's `features` as every customer read carries them (docs/API.md §6a). */
export interface PbxFeatures extends Record<PbxFeatureFlag, boolean> {
  homeCountryCode: string | null;
  premiumPrefixes: readonly string[];
}

/** The list's words, in the calling role's own namespace (the customer says "you", the agent "the customer"). */
export interface PbxFeaturesTexts {
  names: Record<PbxFeatureFlag, string>;
  on: string;
  off: string;
  homeCountryCode: string;
  premiumPrefixes: string;
  /** said instead of the list when ITC switched every feature off */
  none: string;
}

/**
 * The PBX features ITC assigned, read-only (only ITC changes them): each switch with whether it is
 * included, then the home country and premium prefixes the rating rules use. The agent's and the
 * customer's pages share it; ITC's page edits them (admin FeaturesForm).
 */
export function PbxFeaturesList({ features, texts }: { features: PbxFeatures; texts: PbxFeaturesTexts }) {
  const anyOn = PBX_FEATURE_FLAGS.some((flag) => features[flag]);
  return (
    <Stack gap={4}>
      {anyOn ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {PBX_FEATURE_FLAGS.map((flag) => (
            <Group key={flag} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{texts.names[flag]}</Text>
              {/* the colour is the background only: dark text keeps AA contrast on both tints */}
              <Badge variant="light" color={features[flag] ? 'green' : 'gray'} c="dark.7" tt="none" style={{ flexShrink: 0 }}>
                {features[flag] ? texts.on : texts.off}
              </Badge>
            </Group>
          ))}
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">{texts.none}</Text>
      )}
      {features.homeCountryCode !== null && (
        <Text size="sm" mt="xs">
          {texts.homeCountryCode}: +{features.homeCountryCode}
        </Text>
      )}
      {features.premiumPrefixes.length > 0 && (
        <Text size="sm">
          {texts.premiumPrefixes}: {features.premiumPrefixes.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
