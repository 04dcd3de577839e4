// One message is read by several readers in a turn (danger, what a story answers, the step's own reader), and most of
// them start from the same reading of the same text. Inside `inOneTurn`, a reader wrapped with `oncePerTurn` reads a
// text once and gives every later caller that reading; outside it (triage, the eval, tests) it reads every time. The
// readings are dropped when the turn ends, so no reporter's words outlive the message they came in.

let turn: Map<unknown, Map<string, unknown>> | undefined;

/** Runs `work` (synchronous) as one turn: each text is read once by each `oncePerTurn` reader within it. */
export function inOneTurn<T>(work: () => T): T {
  if (turn) return work();
  turn = new Map();
  try {
    return work();
  } finally {
    turn = undefined;
  }
}

/** `read`, reading a text once per turn. Its result must be pure (a function of the text) and not changed by callers. */
export function oncePerTurn<V>(read: (text: string) => V): (text: string) => V {
  return (text) => {
    if (!turn) return read(text);
    let readings = turn.get(read) as Map<string, V> | undefined;
    if (!readings) turn.set(read, (readings = new Map()));
    if (readings.has(text)) return readings.get(text)!;
    const reading = read(text);
    readings.set(text, reading);
    return reading;
  };
}
