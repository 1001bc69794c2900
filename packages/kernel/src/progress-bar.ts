/** A text progress bar for the CLI (stderr), redrawn in place; plain lines when stderr is not a terminal. */
export function cliProgress(
  label: string,
  out: NodeJS.WriteStream = process.stderr,
): (done: number, total: number, sub?: string) => void {
  let lastPct = -1;
  let lastDraw = 0;
  return (done, total, sub) => {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    const now = Date.now();
    if (pct === lastPct && done !== total && now - lastDraw < 500) return;
    lastPct = pct;
    lastDraw = now;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const text = `${label}${sub ? ` ${sub}` : ''} [${bar}] ${String(pct).padStart(3)}% ${done}/${total}`;
    if (out.isTTY) out.write(`\r${text}${done >= total ? '\n' : ''}`);
    else if (pct % 10 === 0 || done >= total) out.write(`${text}\n`);
  };
}
