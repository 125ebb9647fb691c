// The channel detail chart (uPlot). Scalar channels: value over time,
// decimated by the server to the chart's pixel width and re-queried for the
// selected range on zoom (drag to zoom, double-click to reset). Array
// channels: the latest captures overlaid, older ones as a min/max envelope.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChannelArray } from '../api';
import { h } from '../dom';
import { ChartFrame } from './chart-frame';
import { formatNumber } from '../format';

const HEIGHT = 320;
const MONO = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace';
const SANS = '11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const OVERLAY_COLORS = ['#1d4ed8', '#0891b2', '#7c3aed'];

const tick = (_u: uPlot, vals: number[]) => vals.map((v) => (v === null || v === undefined ? '' : formatNumber(v)));

export class ChannelChart extends ChartFrame {
  private readonly dbl = () => this.onZoom?.(null);

  /** Called with the selected range [since, until] in ns, or null on reset. */
  onZoom: ((range: [number, number] | null) => void) | null = null;

  constructor() {
    const body = h('div', { class: 'chart-body', 'data-testid': 'channel-plot' });
    super(h('div', { class: 'big-chart', 'data-testid': 'channel-chart' }, body), body, HEIGHT);
  }

  /** Plot width in CSS pixels: the max_points to ask the server for. */
  override width(): number {
    return Math.max(300, super.width());
  }

  protected override reset(): void {
    this.plot?.over.removeEventListener('dblclick', this.dbl);
    super.reset();
  }

  /** Scalar series: x in ns, y values. */
  showScalar(xNs: number[], y: number[], units: string, label: string): void {
    this.reset();
    this.el.dataset.kind = 'scalar';
    this.el.dataset.points = String(y.length);
    const xs = xNs.map((t) => t / 1e9);
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false } },
        scales: { x: { time: true } },
        axes: [
          { font: MONO, size: 40 },
          { label: units || 'value', values: tick, size: 64, labelSize: 16, font: MONO, labelFont: SANS },
        ],
        series: [{}, { label, stroke: '#1d4ed8', width: 1.25, points: { show: y.length < 80, size: 4 } }],
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width < 3) return;
              const a = u.posToVal(u.select.left, 'x');
              const b = u.posToVal(u.select.left + u.select.width, 'x');
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              this.onZoom?.([Math.floor(a * 1e9), Math.ceil(b * 1e9)]);
            },
          ],
        },
      },
      [xs, y],
      this.body,
    );
    this.plot.over.addEventListener('dblclick', this.dbl);
  }

  /** Waveforms: the newest `overlay` arrays drawn, the rest as an envelope. */
  showArrays(arrays: ChannelArray[], overlay = 3): void {
    this.reset();
    this.el.dataset.kind = 'array';
    const newest = arrays.slice(-overlay);
    const older = arrays.slice(0, Math.max(0, arrays.length - overlay));
    this.el.dataset.overlaid = String(newest.length);
    this.el.dataset.enveloped = String(older.length);
    this.el.dataset.points = String(newest.reduce((n, a) => n + a.y.length, 0));
    const tables: uPlot.AlignedData[] = [];
    const series: uPlot.Series[] = [{}];
    const bands: uPlot.Band[] = [];
    if (older.length) {
      // Bin the older captures on x (they may be decimated differently).
      const all = older.flatMap((a) => xsOf(a));
      const x0 = Math.min(...all);
      const x1 = Math.max(...all);
      const bins = Math.min(400, this.width());
      const lo = new Array<number>(bins).fill(Infinity);
      const hi = new Array<number>(bins).fill(-Infinity);
      for (const a of older) {
        const xs = xsOf(a);
        a.y.forEach((v, i) => {
          const b = x1 > x0 ? Math.min(bins - 1, Math.floor(((xs[i] - x0) / (x1 - x0)) * bins)) : 0;
          if (v < lo[b]) lo[b] = v;
          if (v > hi[b]) hi[b] = v;
        });
      }
      const bx: number[] = [];
      const blo: number[] = [];
      const bhi: number[] = [];
      for (let b = 0; b < bins; b++) {
        if (!Number.isFinite(lo[b])) continue;
        bx.push(x0 + ((b + 0.5) / bins) * (x1 - x0));
        blo.push(lo[b]);
        bhi.push(hi[b]);
      }
      tables.push([bx, bhi, blo]);
      series.push(
        { label: `max of ${older.length} older`, stroke: '#9fb4e8', width: 1, points: { show: false } },
        { label: `min of ${older.length} older`, stroke: '#9fb4e8', width: 1, points: { show: false } },
      );
      bands.push({ series: [1, 2], fill: 'rgba(29, 78, 216, 0.10)' });
    }
    newest.forEach((a, i) => {
      tables.push([xsOf(a), a.y]);
      const recency = newest.length - 1 - i;
      series.push({
        label: `seq ${a.seq}`,
        stroke: OVERLAY_COLORS[recency % OVERLAY_COLORS.length],
        width: recency === 0 ? 1.5 : 1,
        alpha: recency === 0 ? 1 : 0.55,
        points: { show: false },
        spanGaps: true,
      });
    });
    if (!tables.length) return;
    const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
    const first = newest[newest.length - 1] ?? older[older.length - 1];
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: false } },
        bands,
        axes: [
          { label: first?.x_units || 'x', values: tick, size: 36, labelSize: 16, font: MONO, labelFont: SANS },
          { label: first?.y_units || 'y', values: tick, size: 64, labelSize: 16, font: MONO, labelFont: SANS },
        ],
        series: series.map((s, i) => (i > 0 ? { spanGaps: true, ...s } : s)),
      },
      data,
      this.body,
    );
  }
}

export function xsOf(a: ChannelArray): number[] {
  return a.x.length === a.y.length ? a.x : a.y.map((_, i) => a.x_origin + i * a.x_increment);
}
