// Expected vs actual, side by side, with the differing lines marked (not only by colour: a sign too).
import { useMemo } from 'react';
import { sideBySide, type DiffKind } from './lineDiff';

const SIGN: Record<DiffKind, string> = { same: ' ', removed: '−', added: '+', changed: '~', empty: ' ' };

export function DiffView(props: { expected: string; actual: string; expectedLabel: string; actualLabel: string }) {
  const rows = useMemo(() => sideBySide(props.expected, props.actual), [props.expected, props.actual]);
  return (
    <div className="ex-diff" role="table" aria-label={`${props.expectedLabel} / ${props.actualLabel}`}>
      <div className="ex-diff-row ex-diff-head" role="row">
        <div role="columnheader">{props.expectedLabel}</div>
        <div role="columnheader">{props.actualLabel}</div>
      </div>
      {rows.map((row, i) => (
        <div className="ex-diff-row" role="row" key={i}>
          <Cell cell={row.left} />
          <Cell cell={row.right} />
        </div>
      ))}
    </div>
  );
}

function Cell({ cell }: { cell: { text: string; kind: DiffKind } | null }) {
  const kind = cell?.kind ?? 'empty';
  return (
    <div role="cell" className={`ex-diff-cell ex-diff-${kind}`}>
      <span className="ex-diff-sign" aria-hidden="true">{SIGN[kind]}</span>
      <code>{cell?.text ?? ''}</code>
    </div>
  );
}
