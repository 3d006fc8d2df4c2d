/**
 * Building an outbound campaign from its configuration: its call list, its samplers (each on a
 * stream named after the campaign) and the running statistics the pacing and the compliance
 * check read. Whether answering-machine detection applies is the dialer mode's to say.
 */
import type { RandomStreams } from '../../engine/random-streams';
import { createSampler } from '../../engine/distributions';
import { Fifo } from '../../engine/fifo';
import { TimeWeighted } from '../../engine/time-weighted';
import type { CampaignConfig, Duration } from '../scenario/scenario-schema';
import { toDistribution } from '../scenario/scenario-schema';
import { RingTimeStats } from './dialer/pacing';
import { DIALER_MODES } from './dialer/dialer-modes';
import type { Campaign, Dial } from './voice-objects';

export function buildCampaign(config: CampaignConfig, index: number, streams: RandomStreams): Campaign {
  const stream = (what: string) => streams.stream(`${what}:campaign:${config.id}`);
  const sampler = (d: Duration | undefined, what: string, fallbackSec: number) =>
    createSampler(toDistribution(d ?? { kind: 'deterministic', valueSec: fallbackSec }), stream(what));
  const o = config.dialOutcomes;
  const probabilities = [o.noAnswer, o.busy, o.answeringMachine, o.wrongParty, o.rightParty];
  const cumulative: number[] = [];
  probabilities.reduce((sum, p) => {
    cumulative.push(sum + p);
    return sum + p;
  }, 0);
  const drawRetry: Campaign['drawRetry'] = {};
  for (const key of ['noAnswer', 'busy', 'answeringMachine', 'wrongParty'] as const) {
    const rule = config.retry?.[key];
    if (rule) drawRetry[key] = createSampler(toDistribution(rule.delay), stream(`retry-${key}`));
  }
  return {
    id: config.id,
    name: config.name,
    index,
    config,
    mode: config.mode,
    groups: [],
    records: config.records,
    attempts: new Uint16Array(config.records),
    nextFresh: 0,
    ready: new Fifo<number>(),
    windowOpen: config.window === undefined,
    inFlight: 0,
    ringing: [],
    ringTimes: new RingTimeStats(Math.max(config.noAnswerTimeoutSec ?? 25, 60)),
    connectChances: new Float64Array(64),
    linesInUse: 0,
    lineLimit: config.maxLines ?? Infinity,
    waitingConnects: new Fifo<Dial>(),
    busyAgents: 0,
    acwAgents: 0,
    acwSumSec: 0,
    staffed: new TimeWeighted(0, 0),
    cumulativeOutcome: cumulative,
    outcomeStream: stream('outcome'),
    amdStream: stream('amd'),
    conversionStream: stream('conversion'),
    drawAnswerTime: createSampler(toDistribution(config.answerTime), stream('answer-time')),
    drawTalk: createSampler(toDistribution(config.talk), stream('talk')),
    drawWrongPartyTalk: sampler(config.wrongPartyTalk, 'wrong-party-talk', 20),
    drawMachineTalk: sampler(config.machineTalk, 'machine-talk', 15),
    drawAcw: config.acw ? createSampler(toDistribution(config.acw), stream('acw')) : null,
    drawPreview: sampler(config.previewTime, 'preview', 20),
    drawValue: config.conversion.value ? createSampler(config.conversion.value, stream('value')) : null,
    drawRetry,
    noAnswerTimeoutSec: config.noAnswerTimeoutSec ?? 25,
    connectWithinSec: config.connectWithinSec ?? 2,
    recallAfterSec: (config.abandonedRecallAfterHours ?? 72) * 3600,
    cap: config.abandonCap ?? 0.03,
    maxLinesPerAgent: config.maxLinesPerAgent ?? 3,
    amdRate: amdRateOf(config, config.mode),
    amdSec: config.answeringMachineDetection?.detectSec ?? 3,
    resolvedDials: 0,
    needAgentDials: 0,
    answerDelaySumSec: 0,
    answers: 0,
    handleSumSec: 0,
    handled: 0,
    runConnects: 0,
    runAbandoned: 0,
    recentConnects: new Fifo<number>(),
    recentAbandons: new Fifo<number>(),
    worst24hAbandonRate: null,
  };
}

/** The share of answering machines detected: the campaign's rate when its mode dials before a person listens, else none. */
export function amdRateOf(config: CampaignConfig, mode: CampaignConfig['mode']): number {
  return DIALER_MODES[mode].detectsMachines ? (config.answeringMachineDetection?.detectionRate ?? 0) : 0;
}
