import { labelledIndexes, niceTicks } from './scale';

export type ChartSeries = { name: string; values: (number | null)[]; className: string };

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 44, left: 52 };

/**
 * A line chart drawn on the server as SVG: no charting JavaScript reaches the browser. It is an image
 * with a title and a description for screen readers; the numbers themselves are in the data table the
 * page puts next to it.
 */
export function LineChart(props: {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  labels: string[];
  series: ChartSeries[];
  yMax?: number;
  formatY?: (value: number) => string;
}) {
  const { id, labels, series } = props;
  const formatY = props.formatY ?? String;
  const dataMax = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const ticks = niceTicks(props.yMax ?? dataMax);
  const top = props.yMax ?? ticks[ticks.length - 1];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length > 1 ? (i / (labels.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (top > 0 ? (v / top) * plotH : 0);
  const path = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${i === 0 || values[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const showPoints = labels.length <= 31;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-title">
        {props.title}
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.name} className={s.className}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-scroll" tabIndex={0}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
          <title id={`${id}-title`}>{props.title}</title>
          <desc id={`${id}-desc`}>{props.description}</desc>
          <g className="chart-grid">
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
                <text x={PAD.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                  {formatY(tick)}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-axis">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
            {labelledIndexes(labels.length).map((i) => (
              <text key={i} x={x(i)} y={PAD.top + plotH + 16} textAnchor={i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle'}>
                {labels[i]}
              </text>
            ))}
            <text x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis-label">
              {props.xLabel}
            </text>
            <text transform={`translate(12 ${PAD.top + plotH / 2}) rotate(-90)`} textAnchor="middle" className="chart-axis-label">
              {props.yLabel}
            </text>
          </g>
          {series.map((s) => (
            <g key={s.name} className={`chart-series ${s.className}`}>
              <path d={path(s.values)} />
              {showPoints ? s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3" />)) : null}
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
