// A small uPlot chart for one array read (a scope waveform). uPlot is ~45 kB
// and draws 1000-point traces on canvas without a framework.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChannelArray } from '../api';
import { h } from '../dom';
import { formatNumber } from '../format';

const HEIGHT = 200;
// Canvas text cannot use CSS variables: spell the stacks out.
const MONO = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace';
const SANS = '11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export class WaveformChart {
  readonly el: HTMLElement;
  private plot: uPlot | null = null;
  private readonly body: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly resize: ResizeObserver;

  constructor(readonly channelId: string) {
    this.caption = h('span', { class: 'chart-caption mono' });
    this.body = h('div', { class: 'chart-body', 'data-testid': 'waveform-plot' });
    this.el = h(
      'figure',
      { class: 'chart', 'data-testid': 'waveform-chart', 'data-channel': channelId, id: `wf-${channelId}` },
      h('figcaption', {}, h('span', { class: 'chart-title' }, channelId), this.caption),
      this.body,
    );
    // Follow the panel's width (sidebar collapse, window resize).
    this.resize = new ResizeObserver(() => {
      const w = this.width();
      if (this.plot && w > 0 && Math.abs(this.plot.width - w) > 1) this.plot.setSize({ width: w, height: HEIGHT });
    });
    this.resize.observe(this.body);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.body.clientWidth || 600));
  }

  show(arr: ChannelArray, label: string): void {
    this.el.dataset.seq = String(arr.seq);
    this.el.dataset.points = String(arr.y.length);
    this.caption.textContent = `${arr.length} pts${arr.y.length !== arr.length ? ` (${arr.y.length} shown)` : ''} · ${label}`;
    const xs = arr.x.length === arr.y.length ? arr.x : arr.y.map((_, i) => arr.x_origin + i * arr.x_increment);
    const data: uPlot.AlignedData = [xs, arr.y];
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    const tick = (_u: uPlot, vals: number[]) => vals.map((v) => (v === null || v === undefined ? '' : formatNumber(v)));
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: false } },
        axes: [
          { label: arr.x_units || 'x', values: tick, size: 36, labelSize: 16, font: MONO, labelFont: SANS },
          { label: arr.y_units || 'y', values: tick, size: 56, labelSize: 16, font: MONO, labelFont: SANS },
        ],
        series: [{}, { label: this.channelId, stroke: '#2463eb', width: 1.25, points: { show: false } }],
      },
      data,
      this.body,
    );
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
