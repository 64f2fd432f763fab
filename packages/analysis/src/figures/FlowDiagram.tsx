import type { ReactElement } from 'react';
import { FigureTitle, Note, Svg } from './Frame.js';
import { AXIS_COLOUR, SMALL_FONT_SIZE, textWidth, type Lang } from './theme.js';

/** A box of the flow diagram: its first line is set in bold (the stage and its n). */
export interface FlowBox {
  readonly lines: readonly string[];
}

/** One stage of the main flow, with an optional side box (those who left the flow there). */
export interface FlowStep {
  readonly box: FlowBox;
  /** Shown to the right, joined to the arrow below this stage (e.g. exclusions with reasons). */
  readonly side?: FlowBox;
}

/** Props of {@link FlowDiagram}. */
export interface FlowDiagramProps {
  readonly title: string;
  readonly steps: readonly FlowStep[];
  /**
   * Parallel chains at the end of the flow, side by side (e.g. the diagnostic-accuracy path and the
   * follow-up path), each a column of boxes joined by arrows.
   */
  readonly branches?: readonly (readonly FlowBox[])[];
  readonly notes?: readonly string[];
  readonly lang?: Lang;
  readonly width?: number;
}

const LINE_H = 15;
const PAD = 8;
const GAP = 34;

function boxHeight(b: FlowBox): number {
  return b.lines.length * LINE_H + PAD * 2 - 3;
}

function Box({
  x,
  y,
  w,
  box,
}: {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly box: FlowBox;
}): ReactElement {
  return (
    <g>
      <rect x={x} y={y} width={w} height={boxHeight(box)} fill="#ffffff" stroke={AXIS_COLOUR} rx={2} />
      {box.lines.map((l, i) => (
        <text
          key={i}
          x={x + PAD}
          y={y + PAD + 11 + i * LINE_H}
          fontSize={SMALL_FONT_SIZE}
          fontWeight={i === 0 ? 'bold' : 'normal'}
        >
          {l}
        </text>
      ))}
    </g>
  );
}

function Arrow({
  x1,
  y1,
  x2,
  y2,
}: {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}): ReactElement {
  const horizontal = y1 === y2;
  const head = horizontal
    ? `M${x2 - 7},${y2 - 4} L${x2},${y2} L${x2 - 7},${y2 + 4} Z`
    : `M${x2 - 4},${y2 - 7} L${x2},${y2} L${x2 + 4},${y2 - 7} Z`;
  return (
    <g>
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={AXIS_COLOUR} />
      <path d={head} fill={AXIS_COLOUR} />
    </g>
  );
}

/**
 * The STARD/STROBE participant flow diagram: a vertical chain of stages, each with its n, side boxes
 * for those who left the flow (with reasons), and the analysis sets side by side at the end.
 */
export function FlowDiagram(props: FlowDiagramProps): ReactElement {
  const widest = (boxes: readonly FlowBox[]): number =>
    Math.max(
      ...boxes.flatMap((b) => b.lines.map((l, i) => textWidth(l, SMALL_FONT_SIZE) * (i === 0 ? 1.08 : 1))),
      120
    ) +
    PAD * 2;
  const mainW = Math.min(360, widest(props.steps.map((s) => s.box)));
  const sides = props.steps.flatMap((s) => (s.side ? [s.side] : []));
  const sideW = sides.length > 0 ? Math.min(330, widest(sides)) : 0;
  const branches = props.branches ?? [];
  const branchW = branches.length > 0 ? Math.min(330, widest(branches.flat())) : 0;
  const mainX = 24;
  const sideX = mainX + mainW + 48;
  const width = Math.max(props.width ?? 0, sideX + sideW + 24, mainX + branches.length * (branchW + 24) + 24);
  const elements: ReactElement[] = [];
  let y = 44;
  props.steps.forEach((s, i) => {
    const h = boxHeight(s.box);
    elements.push(<Box key={`m${i}`} x={mainX} y={y} w={mainW} box={s.box} />);
    const bottom = y + h;
    const isLast = i === props.steps.length - 1;
    const sideH = s.side ? boxHeight(s.side) : 0;
    const gap = s.side ? Math.max(GAP, sideH + 24) : GAP;
    if (s.side) {
      const sy = bottom + gap / 2 - sideH / 2;
      elements.push(<Box key={`s${i}`} x={sideX} y={sy} w={sideW} box={s.side} />);
      elements.push(
        <Arrow key={`sa${i}`} x1={mainX + mainW / 2} y1={bottom + gap / 2} x2={sideX} y2={bottom + gap / 2} />
      );
    }
    if (!isLast) {
      elements.push(
        <Arrow key={`a${i}`} x1={mainX + mainW / 2} y1={bottom} x2={mainX + mainW / 2} y2={bottom + gap} />
      );
    }
    y = bottom + (isLast ? 0 : gap);
  });
  if (branches.length > 0) {
    const from = y;
    const mid = from + GAP / 2;
    const colX = (i: number): number => mainX + i * (branchW + 24);
    const centres = branches.map((_, i) => colX(i) + branchW / 2);
    elements.push(
      <line
        key="b-stem"
        x1={mainX + mainW / 2}
        y1={from}
        x2={mainX + mainW / 2}
        y2={mid}
        stroke={AXIS_COLOUR}
      />
    );
    elements.push(
      <line
        key="b-bar"
        x1={Math.min(...centres, mainX + mainW / 2)}
        y1={mid}
        x2={Math.max(...centres, mainX + mainW / 2)}
        y2={mid}
        stroke={AXIS_COLOUR}
      />
    );
    let bottom = from;
    branches.forEach((chain, i) => {
      let by = from + GAP;
      elements.push(<Arrow key={`ba${i}`} x1={centres[i]!} y1={mid} x2={centres[i]!} y2={by} />);
      chain.forEach((b, j) => {
        elements.push(<Box key={`b${i}-${j}`} x={colX(i)} y={by} w={branchW} box={b} />);
        const end = by + boxHeight(b);
        if (j < chain.length - 1) {
          elements.push(
            <Arrow key={`bc${i}-${j}`} x1={centres[i]!} y1={end} x2={centres[i]!} y2={end + GAP} />
          );
        }
        by = end + (j < chain.length - 1 ? GAP : 0);
      });
      bottom = Math.max(bottom, by);
    });
    y = bottom;
  }
  const notes = props.notes ?? [];
  const height = y + 24 + notes.length * 14;
  return (
    <Svg
      width={width}
      height={height}
      title={props.title}
      description={props.steps.map((s) => s.box.lines[0]).join('; ')}
    >
      <FigureTitle x={12} y={22} text={props.title} />
      {elements}
      <Note x={mainX} y={y + 24} lines={notes} />
    </Svg>
  );
}
