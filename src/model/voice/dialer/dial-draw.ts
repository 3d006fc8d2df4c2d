/**
 * Everything about one dial attempt, drawn up front from the campaign's streams when it is made:
 * how it ends (no answer, busy, a machine detected or missed, a wrong or the right party), how
 * long it rings, how long the talk and ACW last, and whether it converts.
 */
import { NO_EVENT } from '../../../engine/event-calendar';
import type { DialResult } from '../domain-events';
import type { Campaign, Dial } from '../voice-objects';

const RESULT_BY_OUTCOME = ['no-answer', 'busy', 'answering-machine', 'wrong-party', 'right-party'] as const;
const BUSY_SIGNAL_SEC = 5;

/** A dial of `record` (its attempt counted), made at `nowSec`. */
export function drawDial(campaign: Campaign, record: number, id: number, nowSec: number): Dial {
  const u = campaign.outcomeStream();
  const cumulative = campaign.cumulativeOutcome;
  let k = 0;
  while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
  const outcome = RESULT_BY_OUTCOME[k];
  let result: DialResult;
  let ringSec: number;
  let talkSec = 0;
  let converted = false;
  let value = 0;
  const answerSec = Math.min(campaign.drawAnswerTime(), campaign.noAnswerTimeoutSec);
  switch (outcome) {
    case 'no-answer':
      result = 'no-answer';
      ringSec = campaign.noAnswerTimeoutSec;
      break;
    case 'busy':
      result = 'busy';
      ringSec = BUSY_SIGNAL_SEC;
      break;
    case 'answering-machine':
      if (campaign.amdRate > 0 && campaign.amdStream() < campaign.amdRate) {
        result = 'machine-detected';
        ringSec = answerSec + campaign.amdSec;
      } else {
        result = 'machine-missed';
        ringSec = answerSec;
        talkSec = campaign.drawMachineTalk();
      }
      break;
    case 'wrong-party':
      result = 'wrong-party';
      ringSec = answerSec;
      talkSec = campaign.drawWrongPartyTalk();
      break;
    default:
      result = 'right-party';
      ringSec = answerSec;
      talkSec = campaign.drawTalk();
      converted = campaign.conversionStream() < campaign.config.conversion.probability;
      if (converted && campaign.drawValue) value = campaign.drawValue();
  }
  campaign.attempts[record]++;
  return {
    id,
    campaign,
    record,
    attempt: campaign.attempts[record],
    result,
    ringSec,
    talkSec,
    acwSec: reachesAgent(result) && campaign.drawAcw ? campaign.drawAcw() : 0,
    converted,
    value,
    agent: null,
    state: 'ringing',
    startSec: nowSec,
    agentSinceSec: 0,
    connectSec: 0,
    abandonEvent: NO_EVENT,
    ringingIndex: -1,
    pacingCounted: false,
  };
}

/** The dial was answered by someone (or something) an agent has to talk to. */
export function reachesAgent(result: DialResult): boolean {
  return result === 'machine-missed' || result === 'wrong-party' || result === 'right-party';
}
