/** ITC's mark: signal bars on the brand blue (inline SVG: no image request, no icon library). */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-itc-7)" />
      <path d="M9 23v-4M14 23v-8M19 23v-12M24 23v-16" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
