// A bar chart drawn by chart.js on a canvas. Only the parts a bar chart needs are registered (tree-shaken). The
// chart is created once and updated in place without animation, so a page that receives hundreds of changes a
// second redraws at most once per frame (the page batches its state; this redraws when that state changes).
// The canvas is an image with a summary for assistive technology; every chart has a table beside it with the same
// figures, which is the accessible alternative.

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "preact/hooks";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  data: number[];
  colour: string;
}

/** Distinguishable colours, each at least 3:1 against white (non-text contrast); the order runs from "for" to "against". */
export const seriesColours = ["#1b6e20", "#0b5cad", "#8a4b00", "#b3261e", "#6a1b9a", "#00606e", "#ad1457", "#3949ab", "#5d4037", "#37474f"];

export function BarChart({ labels, series, stacked, horizontal, label, max, height, testId }: {
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  /** What the chart shows, for assistive technology (name the table with the same figures). */
  label: string;
  /** Fixes the value axis (e.g. 1 for shares); otherwise it follows the data. */
  max?: number;
  height: number;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"bar"> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<"bar"> = {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        scales: {
          x: { stacked: !!stacked, beginAtZero: true, ...(horizontal && max !== undefined ? { max } : {}), ticks: { color: "#1d1f21" } },
          y: { stacked: !!stacked, beginAtZero: true, ...(!horizontal && max !== undefined ? { max } : {}), ticks: { color: "#1d1f21" } },
        },
        plugins: { legend: { position: "bottom", labels: { color: "#1d1f21" } } },
      },
    };
    chart.current = new Chart(canvas.current, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [stacked, horizontal, max]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets = series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: s.colour, borderWidth: 1 }));
    c.update("none");
  });

  return (
    <div class="chart" style={{ height: `${height}px` }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
