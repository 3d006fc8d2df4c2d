/**
 * `kituo staff scenario.json --sl 0.8@20`: the fewest agents per report interval and group that
 * meet a service-level target (Erlang A/C corrected by simulation), beside what the scenario
 * schedules; with --on-time, the fewest clerks per back-office team; with shift templates
 * (--shifts FILE, or the groups' own shifts), a shift plan covering the requirement at few paid
 * hours, checked by simulation; --write-scenario writes the staffed scenario as a file that runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatPath, validateScenario } from '../../model/scenario/parse-scenario';
import { agentGroupSchema, type Scenario } from '../../model/scenario/scenario-schema';
import { optimiseClerks, type ClerkRequirement } from '../../runner/staffing/back-office-optimiser';
import { InfeasibleTargetError } from '../../runner/staffing/fewest-meeting';
import { optimiseStaffing, staffedGroups, type StaffingRequirement, type StaffingTarget } from '../../runner/staffing/optimiser';
import { staffedScenario } from '../../runner/staffing/staffed-scenario';
import { UncoverableIntervalError, type ShiftTemplate } from '../../runner/staffing/shift-plan';
import { verifiedShiftPlan, type VerifiedShiftPlan } from '../../runner/staffing/verified-shift-plan';
import { clockLabel } from '../../runner/run-replications';
import { InputError, parseCommandOptions, type OutputFormat } from '../cli-options';
import { formatNumber } from '../comparison-output';
import { checkOutputFile, writeOutput } from '../output-file';
import { loadScenario, overridesFor } from '../scenario-file';

const OWN_OPTIONS = ['--sl', '--max-abandon', '--confidence', '--max-agents', '--shifts', '--write-scenario', '--on-time'] as const;
type OwnOption = (typeof OWN_OPTIONS)[number];

/** Takes this command's own options out of the arguments; the rest are the shared ones. */
function splitOwnOptions(args: readonly string[]): { own: Map<OwnOption, string>; rest: string[]; problems: string[] } {
  const own = new Map<OwnOption, string>();
  const rest: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const equals = args[i].indexOf('=');
    const flag = (equals < 0 ? args[i] : args[i].slice(0, equals)) as OwnOption;
    if (!OWN_OPTIONS.includes(flag)) {
      rest.push(args[i]);
      continue;
    }
    const value = equals < 0 ? args[++i] : args[i].slice(equals + 1);
    if (value === undefined) problems.push(`${flag}: needs a value`);
    else own.set(flag, value);
  }
  return { own, rest, problems };
}

/** A number strictly between 0 and 1 (or up to 1 when `upToOne`), else a problem line naming the option. */
function fraction(option: string, text: string, problems: string[], upToOne = false): number | undefined {
  const value = /^\d*\.?\d+$/.test(text) ? Number(text) : NaN;
  if (value > 0 && (upToOne ? value <= 1 : value < 1)) return value;
  problems.push(`${option}: must be a fraction ${upToOne ? 'in (0, 1]' : 'strictly between 0 and 1'}, such as 0.8 (got ${text})`);
  return undefined;
}

function parseTarget(own: Map<OwnOption, string>, problems: string[]): StaffingTarget | undefined {
  const sl = own.get('--sl');
  if (sl === undefined) return undefined;
  const match = /^([^@]+)@(\d*\.?\d+)$/.exec(sl);
  if (!match) {
    problems.push(`--sl: must be SHARE@SECONDS, such as 0.8@20 for 80% answered within 20 s (got ${sl})`);
    return undefined;
  }
  const serviceLevel = fraction('--sl', match[1], problems);
  const maxAbandon = own.get('--max-abandon');
  const confidence = own.get('--confidence');
  const target: StaffingTarget = { serviceLevel: serviceLevel ?? 0, thresholdSec: Number(match[2]) };
  if (maxAbandon !== undefined) target.maxAbandonRate = fraction('--max-abandon', maxAbandon, problems, true);
  if (confidence !== undefined) target.confidence = fraction('--confidence', confidence, problems);
  return target;
}

/** Shift templates from --shifts FILE: a JSON list of { start, end, breaks? }. */
function readTemplates(file: string): ShiftTemplate[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`--shifts ${file}: ${code === 'ENOENT' ? 'file not found' : code ? `cannot be read (${code})` : `is not JSON (${(error as Error).message})`}`]);
  }
  if (!Array.isArray(data) || data.length === 0 || data.some((t) => t === null || typeof t !== 'object' || Array.isArray(t) || 'agents' in t)) {
    throw new InputError([`--shifts ${file}: must be a non-empty list of shift templates { "start": "HH:MM", "end": "HH:MM", "breaks": [...] } without agents`]);
  }
  const parsed = agentGroupSchema.shape.shifts.safeParse(data.map((t: object) => ({ agents: 0, ...t })));
  if (!parsed.success) throw new InputError(parsed.error.issues.slice(0, 10).map((issue) => `--shifts ${file}: ${formatPath(issue.path as PropertyKey[])}: ${issue.message}`));
  return parsed.data!.map(({ agents: _agents, days: _days, ...template }) => template);
}

/** Templates per staffed group: the file's for every group, or else each group's own shifts. */
function templatesFor(scenario: Scenario, file: string | undefined): Map<number, ShiftTemplate[]> | null {
  const groups = staffedGroups(scenario);
  if (file) {
    const templates = readTemplates(file);
    return new Map(groups.map((g) => [g, templates]));
  }
  if (groups.some((g) => !scenario.agentGroups[g].shifts?.length)) return null;
  return new Map(groups.map((g) => [g, scenario.agentGroups[g].shifts!.map(({ agents: _agents, days: _days, ...template }) => template)]));
}

/** Runs a search; a target it cannot meet becomes one line naming the option. */
function infeasibleAs<T>(option: string, search: () => T): T {
  try {
    return search();
  } catch (error) {
    if (error instanceof InfeasibleTargetError) throw new InputError([`${option}: ${error.message}`]);
    throw error;
  }
}

export function staffCommand(args: readonly string[], stdout: (s: string) => void): number {
  const { own, rest, problems } = splitOwnOptions(args);
  const options = parseCommandOptions(rest, { command: 'staff', files: { min: 1, max: 1 }, formats: ['table', 'json', 'csv'], extra: ['--set'], replications: 10 });
  const target = parseTarget(own, problems);
  const onTimeText = own.get('--on-time');
  const onTime = onTimeText === undefined ? undefined : fraction('--on-time', onTimeText, problems);
  const maxAgentsText = own.get('--max-agents');
  const maxAgents = maxAgentsText === undefined ? undefined : /^\d+$/.test(maxAgentsText) && Number(maxAgentsText) >= 1 ? Number(maxAgentsText) : NaN;
  if (Number.isNaN(maxAgents)) problems.push(`--max-agents: must be a whole number >= 1 (got ${maxAgentsText})`);
  if (own.has('--confidence') && options.replications < 2) problems.push(`--confidence: needs --replications of at least 2 for a confidence bound (got ${options.replications})`);
  if (problems.length > 0) throw new InputError(problems);
  if (options.out) checkOutputFile(options.out);
  const writeScenario = own.get('--write-scenario');
  if (writeScenario) checkOutputFile(writeScenario);

  const scenario = loadScenario(options.files[0], overridesFor(options.sets, 0));
  const phones = staffedGroups(scenario).length > 0;
  if (phones && !target) throw new InputError(['--sl: the scenario answers calls: give a target such as --sl 0.8@20']);
  if (!phones && !scenario.backOffice) throw new InputError([`${target ? '--sl' : '--on-time'}: the scenario answers no calls and has no back office: no staff to find (outbound dialling is not staffed by a target)`]);
  if (!phones && target) throw new InputError(['--sl: the scenario answers no calls; for its back office give --on-time']);
  if (onTime !== undefined && !scenario.backOffice) throw new InputError(['--on-time: the scenario has no back office']);
  if (!phones && onTime === undefined) throw new InputError(['--on-time: the scenario has only a back office: give a target such as --on-time 0.95']);
  const templates = phones ? templatesFor(scenario, own.get('--shifts')) : null;
  if (own.has('--shifts') && !phones) throw new InputError(['--shifts: the scenario answers no calls, so it has no agents to put on shifts']);

  const seed = options.seed ?? scenario.seed ?? 1;
  const search = { seed, replications: options.replications, maxAgents, confidence: target?.confidence };
  const voice = target ? infeasibleAs('--sl', () => optimiseStaffing(scenario, target, search)) : null;
  let shiftPlan: VerifiedShiftPlan | null = null;
  let noPlan = templates ? null : 'give shift templates with --shifts FILE (the groups have no shifts to use as templates)';
  try {
    shiftPlan = voice && templates ? verifiedShiftPlan(scenario, voice, templates, search) : null;
  } catch (error) {
    if (!(error instanceof UncoverableIntervalError)) throw error;
    const where = clockLabel(error.slot * scenario.reportIntervalMin * 60);
    if (own.has('--shifts')) throw new InputError([`--shifts: no shift template covers ${where}, where agents are required`]);
    // The groups' own shifts were only a default: say why there is no plan rather than fail.
    noPlan = `the groups' own shifts, as templates, leave ${where} uncovered (a break or no shift there); give templates with --shifts FILE`;
  }
  const phonesStaffed = shiftPlan?.scenario ?? (voice ? staffedScenario(scenario, voice.staffing) : scenario);
  const clerks = onTime !== undefined ? infeasibleAs('--on-time', () => optimiseClerks(phonesStaffed, { ...search, onTime })) : null;
  if (writeScenario) {
    const staffed = clerks?.scenario ?? phonesStaffed;
    const checked = validateScenario(JSON.parse(JSON.stringify(staffed)));
    if (!checked.ok) throw new Error(`the staffed scenario does not validate: ${checked.problems[0].path}: ${checked.problems[0].message}`);
    writeFileSync(writeScenario, `${JSON.stringify(staffed, null, 2)}\n`);
  }
  writeOutput(options.out, formatStaffing({ voice, shiftPlan, clerks, noPlan }, options.format), stdout);
  return 0;
}

interface StaffingOutput {
  voice: StaffingRequirement | null;
  shiftPlan: VerifiedShiftPlan | null;
  clerks: ClerkRequirement | null;
  /** Why there is no shift plan, when there is none. */
  noPlan: string | null;
}

function formatStaffing(output: StaffingOutput, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(toJson(output), null, 2)}\n`;
  if (format === 'csv') return toCsv(output);
  return toTable(output);
}

function toJson({ voice, shiftPlan, clerks, noPlan }: StaffingOutput) {
  return {
    ...(voice && noPlan ? { noShiftPlan: noPlan } : {}),
    ...(voice ? { phones: { ...voice, staffing: undefined } } : {}),
    ...(shiftPlan ? { shiftPlan: { ...shiftPlan, scenario: undefined } } : {}),
    ...(clerks ? { backOffice: { ...clerks, scenario: undefined } } : {}),
  };
}

const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function toCsv({ voice, shiftPlan, clerks }: StaffingOutput): string {
  const rows = ['section,id,interval,queue,required,erlang,scheduled,gap,kpi,mean,ci95'];
  for (const group of voice?.groups ?? []) {
    for (const interval of group.intervals) {
      for (const [queue, figures] of Object.entries(interval.queues)) {
        for (const kpi of ['serviceLevel', 'abandonRate'] as const) {
          rows.push(['group', group.group, interval.start, queue, interval.required, interval.erlang, interval.scheduled, interval.gap, kpi, cell(figures[kpi].mean), cell(figures[kpi].ci95)].join(','));
        }
      }
    }
  }
  for (const group of shiftPlan?.groups ?? []) {
    for (const shift of group.shifts) rows.push(['shift', group.group, `${shift.start}-${shift.end}`, '', shift.agents, '', '', '', 'paidHours', '', ''].join(','));
  }
  for (const team of clerks?.teams ?? []) {
    for (const [workType, rate] of Object.entries(team.workTypes)) {
      rows.push(['team', team.team, 'total', workType, team.required, '', team.scheduled, team.gap, 'onTimeRate', cell(rate.mean), cell(rate.ci95)].join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

const estimate = (e: { mean: number | null; ci95: number | null }) => (e.mean === null ? '—' : `${e.mean.toFixed(3)}${e.ci95 === null ? '' : ` ± ${e.ci95.toFixed(3)}`}`);
/** Head-counts: whole numbers as they are, averages (breaks, absence) with two decimals. */
const count = (x: number) => (Number.isInteger(x) ? String(x) : formatNumber(x));
const signed = (x: number) => `${x > 0 ? '+' : ''}${count(x)}`;

function aligned(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((text, c) => (c === 0 ? text.padEnd(widths[c]) : text.padStart(widths[c]))).join('  ').trimEnd());
}

function toTable({ voice, shiftPlan, clerks, noPlan }: StaffingOutput): string {
  const lines: string[] = [];
  if (voice) {
    const { target } = voice;
    const judged = target.confidence === undefined ? 'mean' : `${target.confidence * 100}% lower bound`;
    lines.push(
      `Staffing for "${voice.scenario}": service level ≥ ${target.serviceLevel * 100}% within ${target.thresholdSec} s${target.maxAbandonRate === undefined ? '' : `, abandon rate ≤ ${target.maxAbandonRate * 100}%`} (${judged} of ${voice.replications} replications, seed ${voice.seed}).`,
      `Search: ${voice.evaluations} simulations on common random numbers, ${formatNumber(voice.simulatedDays)} simulated days.`,
    );
    for (const group of voice.groups) {
      const queue = group.queues[0];
      lines.push('', `Group ${group.group} (${group.name}); service level and abandon rate of queue ${queue}, mean ± 95% half-width:`);
      const rows = [['Interval', 'Required', 'Erlang', 'Scheduled', 'Gap', 'Service level', 'Abandon rate']];
      for (const i of group.intervals) rows.push([i.start, String(i.required), String(i.erlang), count(i.scheduled), signed(i.gap), estimate(i.queues[queue].serviceLevel), estimate(i.queues[queue].abandonRate)]);
      const hours = (pick: (i: (typeof group.intervals)[number]) => number) => formatNumber(group.intervals.reduce((sum, i) => sum + pick(i), 0) * (24 / group.intervals.length));
      rows.push(['Agent-hours', hours((i) => i.required), hours((i) => i.erlang), hours((i) => i.scheduled), '', '', '']);
      lines.push(...aligned(rows));
    }
  }
  if (shiftPlan) {
    lines.push('', `Shift plan (greedy, then local improvement; checked by ${shiftPlan.evaluations} more simulation${shiftPlan.evaluations === 1 ? '' : 's'}):`);
    for (const group of shiftPlan.groups) {
      lines.push(`  ${group.group}: ${formatNumber(group.paidHours)} paid hours`);
      for (const shift of group.shifts) lines.push(`    ${String(shift.agents).padStart(4)} × ${shift.start}–${shift.end}${shift.breaks?.length ? ` (breaks ${shift.breaks.map((b) => `${b.start} ${b.durationMin} min`).join(', ')})` : ''}`);
    }
    lines.push(shiftPlan.missed.length === 0 ? '  Every interval meets the target with these shifts.' : `  Still missing the target after the last round: ${shiftPlan.missed.join(', ')}.`);
  } else if (voice && noPlan) {
    lines.push('', `No shift plan: ${noPlan}.`);
  }
  if (clerks) {
    lines.push('', `Back office: fewest clerks per team with every work type ≥ ${clerks.onTime * 100}% on time (${clerks.evaluations} simulations, ${formatNumber(clerks.simulatedDays)} simulated days):`);
    const rows = [['Team', 'Required', 'Clerks now', 'Gap', 'On time (per work type)']];
    for (const team of clerks.teams) rows.push([team.team, String(team.required), String(team.scheduled), signed(team.gap), Object.entries(team.workTypes).map(([w, e]) => `${w} ${estimate(e)}`).join('; ')]);
    lines.push(...aligned(rows));
  }
  return `${lines.join('\n')}\n`;
}
