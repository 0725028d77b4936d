/**
 * Plots: vega-lite specifications compiled to vega and rendered headlessly to SVG in Node
 * (renderer 'none' + toSVG(): no canvas, no browser, no network; text widths are estimated).
 * Shared pieces of the figures' specifications live here too.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';

export type Spec = Record<string, unknown>;
export type Row = Record<string, number | string | null>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.5 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' },
  view: { stroke: '#999' },
};

/** Renders a vega-lite specification to a standalone SVG string. */
export async function renderSvg(spec: Spec): Promise<string> {
  const full = { $schema: SCHEMA, config: CONFIG, background: 'white', ...spec };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const vgSpec = compile(full as any).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Discrete colour scheme (colour-blind safe), by position in the domain. */
export const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export function logAxis(title: string, extra: Spec = {}): Spec {
  return { type: 'quantitative', title, scale: { type: 'log' }, axis: { format: '.0e' }, ...extra };
}

/**
 * Mean curves (field `mean`) with a band between `lo` and `hi`, coloured by `series`, optionally
 * dashed by `method`. Rows: {x, mean, lo, hi, series, method?}.
 */
export function curvesWithBands(opts: {
  rows: Row[]; xTitle: string; yTitle: string; logY: boolean; seriesTitle: string; seriesDomain: (string | number)[];
  width?: number; height?: number; title?: string; methods?: string[]; logX?: boolean;
}): Spec {
  const y = opts.logY ? logAxis(opts.yTitle) : { type: 'quantitative', title: opts.yTitle };
  const x: Spec = { field: 'x', type: 'quantitative', title: opts.xTitle, ...(opts.logX ? { scale: { type: 'log' } } : {}) };
  const color = { field: 'series', type: 'ordinal', title: opts.seriesTitle, scale: { domain: opts.seriesDomain, range: COLORS } };
  const dash = opts.methods && opts.methods.length > 1
    ? { strokeDash: { field: 'method', type: 'nominal', title: 'curve', scale: { domain: opts.methods, range: [[1, 0], [6, 3], [2, 2]] } } }
    : {};
  return {
    ...(opts.title ? { title: opts.title } : {}),
    width: opts.width ?? 320,
    height: opts.height ?? 220,
    data: { values: opts.rows },
    layer: [
      {
        transform: [{ filter: 'datum.lo != null' }],
        mark: { type: 'area', opacity: 0.18 },
        encoding: { x, y: { field: 'lo', ...y }, y2: { field: 'hi' }, color, detail: { field: 'method' } },
      },
      { mark: { type: 'line', strokeWidth: 1.6, clip: true }, encoding: { x, y: { field: 'mean', ...y }, color, ...dash } },
    ],
  };
}
