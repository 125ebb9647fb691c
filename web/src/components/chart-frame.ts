// What every uPlot chart of the UI shares: a body kept at its container's
// width (uPlot draws at a fixed size), an empty state, and teardown.

import type uPlot from 'uplot';
import { h } from '../dom';

export class ChartFrame {
  protected plot: uPlot | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    readonly el: HTMLElement,
    readonly body: HTMLElement,
    protected readonly height: number,
  ) {
    this.resize = new ResizeObserver(() => {
      const w = this.width();
      if (this.plot && w > 0 && Math.abs(this.plot.width - w) > 1) this.plot.setSize({ width: w, height: this.height });
    });
    this.resize.observe(this.body);
  }

  /** Plot width in CSS pixels. */
  width(): number {
    return Math.max(280, Math.floor(this.body.clientWidth || 800));
  }

  protected reset(): void {
    this.plot?.destroy();
    this.plot = null;
    this.body.replaceChildren();
  }

  showEmpty(text: string): void {
    this.reset();
    this.el.dataset.points = '0';
    this.body.append(h('div', { class: 'empty-state muted', 'data-testid': 'chart-empty' }, text));
  }

  destroy(): void {
    this.resize.disconnect();
    this.reset();
  }
}
