import { Paper, Text, Title, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MinuteBucket } from './live-series.js';

/** px between time labels: "12:10 AM" needs about 60 at the axis font; uPlot's default (50) made them overlap on a phone. */
const TIME_LABEL_SPACE = 90;

/**
 * Rated calls, revenue and deposits per minute over the last hour, continued live (uPlot). Money
 * is exact in the buckets; the chart needs a plot coordinate, so micro-units become a number here
 * and nowhere else.
 */
export function LiveChart({ series, currency }: { series: MinuteBucket[]; currency: string | null }) {
  const { t, i18n } = useTranslation('admin');
  const theme = useMantineTheme();
  const { ref: box, width } = useElementSize();
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data: uPlot.AlignedData = [
    series.map((b) => b.minute),
    series.map((b) => b.calls),
    series.map((b) => Number(b.revenueMicros) / 1_000_000),
    series.map((b) => Number(b.depositMicros) / 1_000_000),
  ];

  useEffect(() => {
    if (target.current === null || width === 0) return undefined;
    // the time axis in the page's language (uPlot's own labels are English)
    const timeFormat = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    const chart = new uPlot(
      {
        width,
        height: 180,
        legend: { show: true },
        scales: { x: { time: true }, revenue: { auto: true } },
        axes: [{ space: TIME_LABEL_SPACE, values: (_chart, splits) => splits.map((seconds) => timeFormat.format(new Date(seconds * 1000))) }, { label: t('dashboard.live.calls'), size: 50 }, { scale: 'revenue', side: 1, label: currency ?? '', size: 60, grid: { show: false } }],
        series: [
          { label: t('dashboard.live.minute') },
          { label: t('dashboard.live.calls'), stroke: theme.colors.blue[8], width: 2, fill: 'rgba(28,126,214,0.08)' },
          { label: t('dashboard.live.revenue'), scale: 'revenue', stroke: theme.colors.teal[8], width: 2 },
          { label: t('dashboard.live.deposits'), scale: 'revenue', stroke: theme.colors.grape[8], width: 2, dash: [6, 4] },
        ],
      },
      data,
      target.current,
    );
    plot.current = chart;
    return () => {
      chart.destroy();
      plot.current = null;
    };
    // the chart is rebuilt only when its size, language or currency change; data flows in below
  }, [width, t, i18n.language, currency]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {t('dashboard.live.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('dashboard.live.since')}
      </Text>
      <div ref={box} role="img" aria-label={t("dashboard.live.aria", { calls: series.reduce((n, b) => n + b.calls, 0), count: series.reduce((n, b) => n + b.calls, 0) })}>
        <div ref={target} />
      </div>
    </Paper>
  );
}
