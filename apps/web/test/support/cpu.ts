// The CPU of the Chromium this test process launched (its whole process tree: browser, renderers,
// GPU and utility processes), over some seconds, as a percentage of one core.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function processes() {
  const all = new Map<number, { name: string; parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name in parentheses: state, ppid, … utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(entry), {
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        parent: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // Gone meanwhile.
    }
  }
  return all;
}

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/**
 * The ticks used so far by the Chromium this process started and its descendants (only the
 * browsers whose command line `which` accepts, when given).
 */
function browserTicks(which?: (commandLine: string) => boolean) {
  const all = processes();
  const tree = new Set(
    [...all]
      .filter(([, { name, parent }]) => parent === process.pid && name.startsWith('chrom'))
      .filter(([pid]) => !which || which(commandLine(pid)))
      .map(([pid]) => pid),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { parent }] of all)
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
  }
  return [...tree].reduce((sum, pid) => sum + all.get(pid)!.ticks, 0);
}

/** `which`: of several browsers this process launched, the ones to count (by command line). */
export async function browserCpuPercent(seconds: number, which?: (commandLine: string) => boolean) {
  const before = browserTicks(which);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return ((browserTicks(which) - before) / TICKS_PER_SECOND / seconds) * 100;
}
