// A tiny inline SVG line of recent values (channel lists, live monitor).

const NS = 'http://www.w3.org/2000/svg';

export function sparkline(values: number[], width = 120, height = 24): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('data-testid', 'sparkline');
  const finite = values.filter((v) => Number.isFinite(v));
  svg.setAttribute('data-points', String(finite.length));
  if (finite.length < 2) return svg;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 2;
  const pts = finite.map((v, i) => {
    const x = (i / (finite.length - 1)) * (width - 2 * pad) + pad;
    const y = height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', pts.join(' '));
  svg.append(line);
  return svg;
}
