// Charts of the Metrics page. Per-period lenses (yield trend, retest, time
// loss) are uPlot bars and lines over a category axis of period labels; the
// Cpk histogram is uPlot bars over the value axis with the limits and mean
// drawn on top; the Pareto is an SVG of horizontal bars, whose long labels
// ("Power/Rail: v_rail") a category axis could not fit.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Histogram } from '../api';
import { h } from '../dom';
import { formatNumber } from '../format';
import { ChartFrame } from './chart-frame';

const MONO = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace';
const SANS = '11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

/** The outcome colours of styles/app.css, for canvas drawing. */
export function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#7b8494';
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** A line (on the right-hand axis when `axis` is "right") rather than bars. */
  line?: boolean;
  axis?: 'left' | 'right';
  /** Drawn but left out of the legend (the lower layers of a stack). */
  hidden?: boolean;
}

/**
 * Stacked bars from layers bottom first: each layer drawn as the running
 * total up to it, tallest first, so each shows as its own band.
 */
export function stack(layers: ChartSeries[]): ChartSeries[] {
  const totals: ChartSeries[] = [];
  let running: number[] = [];
  for (const layer of layers) {
    running = layer.values.map((v, i) => (running[i] ?? 0) + (v ?? 0));
    totals.push({ ...layer, values: running });
  }
  return totals.reverse();
}

export interface PeriodAxes {
  left: string;
  /** Label of the right-hand axis, 0–100 %. */
  right?: string;
}

/** A chart panel body with its legend. */
export class MetricChart extends ChartFrame {
  private readonly legend: HTMLElement;

  constructor(testid: string, height = 240) {
    const body = h('div', { class: 'chart-body' });
    const legend = h('div', { class: 'chart-legend' });
    super(h('div', { class: 'metric-chart', 'data-testid': testid }, body, legend), body, height);
    this.legend = legend;
  }

  protected override reset(): void {
    super.reset();
    this.legend.replaceChildren();
  }

  private showLegend(items: { label: string; color: string; line?: boolean }[]): void {
    this.legend.replaceChildren(
      ...items.map((i) => h('span', { class: 'legend-item' }, h('i', { class: i.line ? 'swatch line' : 'swatch', style: `background:${i.color}` }), i.label)),
    );
  }

  /** Bars and lines per period (category x axis). */
  periods(labels: string[], series: ChartSeries[], axes: PeriodAxes): void {
    this.reset();
    this.el.dataset.points = String(labels.length);
    if (!labels.length) {
      this.showEmpty('No runs in this window.');
      return;
    }
    const bars = uPlot.paths.bars!({ size: [0.6, 48], align: 0 });
    const categoryTicks = (_u: uPlot, splits: number[]) => splits.map((i) => labels[i] ?? '');
    const axesOpts: uPlot.Axis[] = [
      { font: MONO, values: categoryTicks, space: 84, incrs: [1, 2, 3, 7, 14, 30, 60, 90, 180, 365] },
      { label: axes.left, font: MONO, labelFont: SANS, labelSize: 16, size: 56, values: (_u, v) => v.map((x) => formatNumber(x)) },
    ];
    const scales: uPlot.Scales = { x: { time: false, range: () => [-0.5, labels.length - 0.5] } };
    if (axes.right) {
      axesOpts.push({ side: 1, scale: 'pct', label: axes.right, font: MONO, labelFont: SANS, labelSize: 16, size: 48, grid: { show: false }, values: (_u, v) => v.map((x) => `${x}%`) });
      scales.pct = { range: [0, 100] };
    }
    this.plot = new uPlot(
      {
        width: this.width(),
        height: this.height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales,
        axes: axesOpts,
        series: [
          {},
          ...series.map(
            (s): uPlot.Series =>
              s.line
                ? { label: s.label, stroke: s.color, width: 2, scale: s.axis === 'right' ? 'pct' : 'y', points: { show: true, size: 5, fill: s.color }, spanGaps: false }
                : { label: s.label, fill: s.color, stroke: s.color, width: 0, paths: bars, points: { show: false } },
          ),
        ],
      },
      [labels.map((_, i) => i), ...series.map((s) => s.values.map((v) => (v === null ? null : s.axis === 'right' ? v * 100 : v)))] as uPlot.AlignedData,
      this.body,
    );
    this.showLegend(series.filter((s) => !s.hidden).map((s) => ({ label: s.label, color: s.color, line: s.line })));
  }

  /** A Cpk row's values: bars per bin, LSL / USL / mean as vertical lines. */
  histogram(data: Histogram): void {
    this.reset();
    this.el.dataset.points = String(data.n);
    if (!data.n) {
      this.showEmpty('No values in this window.');
      return;
    }
    const centers = data.counts.map((_, i) => (data.edges[i] + data.edges[i + 1]) / 2);
    const marks = [
      { label: 'LSL', value: data.lsl, color: cssColor('--fail'), dash: [] as number[] },
      { label: 'USL', value: data.usl, color: cssColor('--fail'), dash: [] as number[] },
      { label: 'mean', value: data.mean, color: cssColor('--accent'), dash: [5, 4] },
    ].filter((m): m is { label: string; value: number; color: string; dash: number[] } => m.value !== null);
    const xs = [...data.edges, ...marks.map((m) => m.value)];
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const pad = hi > lo ? (hi - lo) * 0.06 : Math.abs(lo) * 0.01 || 1;
    const binWidth = data.edges.length > 1 ? data.edges[1] - data.edges[0] : 0;
    const drawMarks = (u: uPlot) => {
      const ctx = u.ctx;
      ctx.save();
      ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      for (const m of marks) {
        const x = u.valToPos(m.value, 'x', true);
        ctx.strokeStyle = m.color;
        ctx.fillStyle = m.color;
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.setLineDash(m.dash.map((d) => d * devicePixelRatio));
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.fillText(m.label, x, u.bbox.top - 4 * devicePixelRatio);
      }
      ctx.restore();
    };
    this.plot = new uPlot(
      {
        width: this.width(),
        height: this.height,
        padding: [18, 12, 0, 0],
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false, range: () => [lo - pad, hi + pad] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.08] } },
        axes: [
          { label: data.units || 'value', font: MONO, labelFont: SANS, labelSize: 16, values: (_u, v) => v.map((x) => formatNumber(x)) },
          { label: 'values', font: MONO, labelFont: SANS, labelSize: 16, size: 48 },
        ],
        series: [
          {},
          {
            label: 'values',
            fill: 'rgba(29, 78, 216, 0.35)',
            stroke: '#1d4ed8',
            width: 1,
            points: { show: false },
            // One bar per bin, as wide as the bin (a lone bin: a thin bar).
            paths: uPlot.paths.bars!({ size: [1, binWidth > 0 ? Infinity : 6], gap: 1 }),
          },
        ],
        hooks: { draw: [drawMarks] },
      },
      [centers, data.counts],
      this.body,
    );
    this.showLegend(marks.map((m) => ({ label: `${m.label} ${formatNumber(m.value)}`, color: m.color, line: true })));
  }
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface BarRow {
  label: string;
  value: number;
  /** Text after the bar ("12 · 4.1 %"). */
  note: string;
}

/**
 * Horizontal bars, one row each, longest first as given: label on the
 * left (cut with … when long, whole on hover), bar scaled to the largest.
 */
export function horizontalBars(rows: BarRow[], color: string, testid: string): SVGSVGElement {
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const root = svg('svg', { width: '100%', height: rows.length * rowHeight + 6, class: 'hbars', 'data-testid': testid, role: 'img' });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 3;
    const labelBox = svg('svg', { x: 0, y, width: '34%', height: rowHeight, overflow: 'hidden' });
    const label = svg('text', { x: '100%', y: rowHeight / 2 + 4, 'text-anchor': 'end', class: 'hbar-label' }, r.label.length > 44 ? `…${r.label.slice(-43)}` : r.label);
    label.append(svg('title', {}, r.label));
    labelBox.append(label);
    const barBox = svg('svg', { x: '35%', y, width: '50%', height: rowHeight });
    barBox.append(svg('rect', { x: 0, y: 4, width: `${(100 * r.value) / max}%`, height: rowHeight - 8, rx: 2, fill: color, 'data-value': r.value }));
    const noteBox = svg('svg', { x: '86%', y, width: '14%', height: rowHeight });
    noteBox.append(svg('text', { x: 0, y: rowHeight / 2 + 4, class: 'hbar-note' }, r.note));
    root.append(labelBox, barBox, noteBox);
  });
  return root;
}
